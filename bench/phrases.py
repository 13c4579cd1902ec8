"""Bilingual phrase banks for synthetic content: each entry is a (French, English) pair.

Sentences are assembled from aligned parts so that the two languages say the
same thing, with the accents, apostrophes and lengths of real editors' text.
"""

from __future__ import annotations

SUBJECTS = [
    ("Le Consortium Santé Numérique", "The Consortium Santé Numérique"),
    ("L'équipe du projet", "The project team"),
    ("Un groupe de chercheuses et de chercheurs de l'UdeM", "A group of UdeM researchers"),
    ("Le comité de coordination", "The coordination committee"),
    ("La direction du CSN", "CSN's leadership"),
    ("Notre partenaire bavarois", "Our Bavarian partner"),
    ("Le réseau des établissements affiliés", "The network of affiliated institutions"),
    ("Une délégation québécoise", "A Québec delegation"),
    ("Le laboratoire d'innovation technosociale", "The technosocial innovation lab"),
    ("L'équipe de formation continue", "The continuing education team"),
    ("Le groupe de travail sur l'éthique des données", "The data ethics working group"),
    ("Une cohorte d'étudiantes et d'étudiants des cycles supérieurs", "A cohort of graduate students"),
]

VERBS = [
    ("a présenté", "presented"),
    ("lance", "is launching"),
    ("a terminé", "has completed"),
    ("met à l'essai", "is piloting"),
    ("a publié", "published"),
    ("coordonne", "is coordinating"),
    ("a reçu un appui pour", "received support for"),
    ("prépare", "is preparing"),
    ("évalue", "is evaluating"),
    ("a signé une entente sur", "signed an agreement on"),
]

OBJECTS = [
    ("une plateforme de partage de données cliniques", "a platform for sharing clinical data"),
    ("un lac de données pour les hôpitaux universitaires", "a data lake for university hospitals"),
    ("un cadre de gouvernance des données de santé", "a governance framework for health data"),
    ("un programme de formation en santé numérique", "a digital health training program"),
    ("un outil de télésurveillance des patients à domicile", "a remote patient monitoring tool"),
    ("une étude sur l'acceptabilité sociale de l'intelligence artificielle",
     "a study on the social acceptability of artificial intelligence"),
    ("un guide sur le consentement éclairé à l'ère numérique", "a guide to informed consent in the digital age"),
    ("un tableau de bord des données de santé publique", "a public health data dashboard"),
    ("une application mobile pour les proches aidants", "a mobile app for family caregivers"),
    ("un atelier sur l'interopérabilité des dossiers médicaux", "a workshop on medical record interoperability"),
    ("un modèle prédictif des réadmissions", "a predictive model of readmissions"),
    ("une charte de la propriété des données", "a data ownership charter"),
    ("un répertoire ouvert de jeux de données anonymisés", "an open catalog of anonymized data sets"),
    ("une série de webinaires sur la cybersécurité en santé", "a webinar series on cybersecurity in health care"),
]

COMPLEMENTS = [
    ("avec ses partenaires européens", "with its European partners"),
    ("lors d'un atelier à Montréal", "at a workshop in Montréal"),
    ("dans le cadre de la coopération Québec–Bavière", "under the Québec–Bavaria cooperation"),
    ("au symposium annuel de Munich", "at the annual Munich symposium"),
    ("pour les établissements de santé affiliés", "for affiliated health institutions"),
    ("en collaboration avec des patientes et des patients partenaires", "together with patient partners"),
    ("après deux ans de travaux", "after two years of work"),
    ("grâce à un financement du ministère", "thanks to funding from the ministry"),
    ("devant plus de 200 participantes et participants", "in front of more than 200 participants"),
    ("avec l'appui de la Faculté de médecine", "with the support of the Faculty of Medicine"),
    ("à l'intention des gestionnaires du réseau", "for managers of the health network"),
    ("en vue d'un déploiement à l'automne", "ahead of a rollout in the fall"),
]

CLOSINGS = [
    ("Les résultats seront rendus publics au cours de l'année.", "The results will be made public during the year."),
    ("Les personnes intéressées peuvent écrire à l'équipe.", "Anyone interested can write to the team."),
    ("Une deuxième phase est déjà à l'étude.", "A second phase is already under consideration."),
    ("Le rapport complet est disponible en français et en anglais.",
     "The full report is available in French and in English."),
    ("Les inscriptions ouvriront prochainement.", "Registration will open soon."),
    ("Cette initiative s'inscrit dans le plan stratégique du consortium.",
     "This initiative is part of the consortium's strategic plan."),
]

LIST_ITEMS = [
    ("la qualité et la sécurité des données", "data quality and security"),
    ("le respect de la vie privée des patients", "respect for patients' privacy"),
    ("l'accès équitable aux soins", "equitable access to care"),
    ("la formation du personnel soignant", "training for care staff"),
    ("l'évaluation des technologies", "technology assessment"),
    ("la participation citoyenne", "citizen participation"),
    ("l'interopérabilité des systèmes", "systems interoperability"),
    ("la valorisation de la recherche", "knowledge mobilization"),
]

FIELDS = [
    ("santé numérique", "Digital Health"),
    ("informatique médicale", "Medical Informatics"),
    ("épidémiologie", "Epidemiology"),
    ("intelligence artificielle en santé", "Artificial Intelligence in Health"),
    ("soins de première ligne", "Primary Care"),
    ("bioéthique", "Bioethics"),
    ("santé publique", "Public Health"),
    ("génie biomédical", "Biomedical Engineering"),
    ("réadaptation", "Rehabilitation"),
    ("télésanté", "Telehealth"),
]

INSTITUTION_KINDS = [
    # (kind, French pattern, English pattern)
    ("university", "Université de {city_fr}", "University of {city_en}"),
    ("research", "Institut de recherche en {field_fr} de {city_fr}", "{city_en} Institute for {field_en} Research"),
    ("health", "Centre hospitalier universitaire de {city_fr}", "{city_en} University Hospital Centre"),
    ("government", "Ministère de la Santé de {region_fr}", "{region_en} Ministry of Health"),
    ("network", "Réseau {field_fr} {city_fr}", "{city_en} {field_en} Network"),
    ("industry", "Solutions {field_fr} {city_fr} inc.", "{city_en} {field_en} Solutions Inc."),
    ("other", "Fondation {field_fr} de {city_fr}", "{city_en} Foundation for {field_en}"),
]

PLACES = [
    # (French city, English city, French region, English region, country, latitude, longitude)
    ("Montréal", "Montréal", "Québec", "Québec", "CA", 45.5017, -73.5673),
    ("Québec", "Québec City", "Québec", "Québec", "CA", 46.8139, -71.2080),
    ("Sherbrooke", "Sherbrooke", "Québec", "Québec", "CA", 45.4042, -71.8929),
    ("Toronto", "Toronto", "Ontario", "Ontario", "CA", 43.6532, -79.3832),
    ("Munich", "Munich", "Bavière", "Bavaria", "DE", 48.1351, 11.5820),
    ("Nuremberg", "Nuremberg", "Bavière", "Bavaria", "DE", 49.4521, 11.0767),
    ("Lyon", "Lyon", "Auvergne-Rhône-Alpes", "Auvergne-Rhône-Alpes", "FR", 45.7640, 4.8357),
    ("Bruxelles", "Brussels", "Bruxelles-Capitale", "Brussels-Capital", "BE", 50.8503, 4.3517),
    ("Genève", "Geneva", "Genève", "Geneva", "CH", 46.2044, 6.1432),
    ("Boston", "Boston", "Massachusetts", "Massachusetts", "US", 42.3601, -71.0589),
    ("Barcelone", "Barcelona", "Catalogne", "Catalonia", "ES", 41.3874, 2.1686),
    ("Édimbourg", "Edinburgh", "Écosse", "Scotland", "GB", 55.9533, -3.1883),
]

ROLES = [
    ("Coordination", "Coordination"),
    ("Financement", "Funding"),
    ("Partenaire de recherche", "Research partner"),
    ("Fourniture des données", "Data provider"),
    ("Accueil des essais cliniques", "Host of the clinical trials"),
    ("Conseil éthique", "Ethics advice"),
]

PROJECT_TITLES = [
    ("Données partagées pour {topic_fr}", "Shared data for {topic_en}"),
    ("Vers {topic_fr} au Québec", "Towards {topic_en} in Québec"),
    ("Laboratoire vivant : {topic_fr}", "Living lab: {topic_en}"),
    ("Observatoire de {topic_fr}", "Observatory of {topic_en}"),
]

TOPICS = [
    ("la médecine de précision", "precision medicine"),
    ("la santé mentale des jeunes", "youth mental health"),
    ("les soins à domicile", "home care"),
    ("la prévention des chutes", "fall prevention"),
    ("la santé cardiovasculaire", "cardiovascular health"),
    ("le vieillissement en santé", "healthy aging"),
    ("les maladies chroniques", "chronic diseases"),
    ("la santé autochtone", "Indigenous health"),
    ("la pharmacovigilance", "pharmacovigilance"),
    ("l'imagerie médicale", "medical imaging"),
]

PROGRAMMES = [
    ("Programme de coopération Québec–Bavière {period}", "Québec–Bavaria cooperation program {period}"),
    ("Fonds d'innovation en santé numérique {period}", "Digital health innovation fund {period}"),
    ("Programme franco-québécois de recherche {period}", "France–Québec research program {period}"),
]
