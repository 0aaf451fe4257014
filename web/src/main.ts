import "./styles/global.css";
// Order matters: the saved language is applied before the shell renders.
import "./i18n/saved-lang.js";
import "./components/bap-app/bap-app.js";
