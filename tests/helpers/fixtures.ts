/** Valid inputs for tests; override what a test is about. */
export function plancheInput(over: Record<string, unknown> = {}) {
  return {
    side: "mali",
    collectivite: { refCode: "ML010701", name: "Diafounou Diongaga", country: "ML", level: "commune" },
    presentation: "Commune rurale du cercle de Yélimané, agriculture et élevage.",
    pdesc: { start: 2024, end: 2028 },
    priorities: [
      {
        sector: "water",
        aspect: "Réhabiliter les forages des villages",
        actors: "comité de gestion des points d'eau",
      },
      { sector: "health", aspect: "Équiper le CSCOM en matériel de maternité", actors: "ASACO" },
    ],
    partnerSought: {
      countries: ["FR"],
      levels: ["commune"],
      themes: ["water", "health"],
      modalities: ["remote", "diaspora"],
    },
    diaspora: [{ name: "Association des ressortissants en France", city: "Montreuil", country: "FR" }],
    contact: { name: "Secrétaire général", email: "sg.test@example.org", phone: "+223 20 00 00 00" },
    ...over,
  };
}

export function partnerInput(over: Record<string, unknown> = {}) {
  return {
    side: "partner",
    collectivite: { refCode: "commune:93048", name: "Montreuil", country: "FR", level: "commune" },
    presentation: "Ville d'Île-de-France où vit une importante diaspora malienne.",
    themesSought: ["water", "health"],
    expertiseOffered: ["water", "governance"],
    offerDescription: "Régie de l'eau : formation de fontainiers à distance.",
    preferredAreas: ["ML0107"],
    diaspora: [{ originCode: "ML0107", association: "Ressortissants de Yélimané" }],
    modalities: ["remote", "visits_abroad"],
    contact: { name: "Service relations internationales", email: "ri.test@example.org" },
    ...over,
  };
}
