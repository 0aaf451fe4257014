/** What an autocomplete offers: an option, and how options are fetched for a query. */
export interface AutocompleteOption<T = unknown> {
  id: string;
  label: string;
  description?: string;
  data: T;
}

export type AutocompleteFetcher = (q: string, signal: AbortSignal) => Promise<AutocompleteOption[]>;

export interface AutocompleteSelectDetail {
  option: AutocompleteOption;
}
