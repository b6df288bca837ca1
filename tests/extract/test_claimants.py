"""Who asserts a French figure: read on the parse, null whenever the parse does not say."""

from __future__ import annotations

from recoupe.extract.claimants import find_claimants


def _claimants(text: str, *figures: str) -> list[str | None]:
    found = find_claimants(text, [text.index(f) for f in figures])
    return [c.text if c is not None else None for c in found]


def test_the_subject_of_the_cue_governing_the_figure_claims_it() -> None:
    text = "La préfecture a indiqué mardi que 1 200 personnes avaient été évacuées."
    assert _claimants(text, "1 200") == ["La préfecture"]


def test_an_inverted_subject_after_the_figure_claims_it() -> None:
    text = "Douze personnes ont été blessées, a précisé dans la soirée le maire de la commune."
    assert _claimants(text, "Douze") == ["le maire de la commune"]


def test_a_passive_cue_is_claimed_by_its_agent() -> None:
    text = "La suppression de 300 emplois a été annoncée mardi par la direction."
    assert _claimants(text, "300") == ["la direction"]


def test_each_figure_takes_the_source_nearest_to_it() -> None:
    text = "Selon la police, 3 000 personnes ont défilé, contre 10 000 selon les organisateurs."
    assert _claimants(text, "3 000", "10 000") == ["la police", "les organisateurs"]


def test_a_figure_in_a_quote_is_claimed_by_the_quote_speaker() -> None:
    text = (
        "Le directeur de l'usine a reçu les salariés lundi.\n"
        "« Nous supprimerons 45 postes d'ici l'été », a annoncé Marc Vidal à la sortie de la réunion."
    )
    assert _claimants(text, "45") == ["Marc Vidal"]


def test_a_writer_incise_inside_a_quote_names_its_speaker() -> None:
    text = (
        "La ministre, Claire Morel, était à Lyon.\n"
        "« Cela représente 12 millions d'euros, a-t-elle déclaré devant la presse. Nous les trouverons. »"
    )
    assert _claimants(text, "12 millions") == ["Claire Morel"]


def test_a_source_heard_from_is_the_claimant_not_on() -> None:
    text = "Le bilan s'élève à quatre morts, a-t-on appris de source policière."
    assert _claimants(text, "quatre") == ["source policière"]


def test_a_figure_describing_the_speaker_is_not_what_the_speaker_claims() -> None:
    text = "Paul Renard, l'un des trois délégués du personnel, a dénoncé la fermeture du site."
    assert _claimants(text, "trois") == [None]
    text = "L'ouvrier de 52 ans, qui a travaillé 30 ans sur le site, a raconté son licenciement."
    assert _claimants(text, "30 ans") == [None]


def test_a_participle_describing_a_thing_reports_nothing() -> None:
    text = "Annoncé en mai, le plan de 40 millions d'euros entre en vigueur cette semaine."
    assert _claimants(text, "40 millions") == [None]


def test_an_auxiliary_the_parser_left_apart_still_makes_a_cue() -> None:
    text = "Le ministre a, dans un communiqué, souligné que 200 postes seraient créés."
    assert _claimants(text, "200") == ["Le ministre"]


def test_a_figure_no_one_reports_has_no_claimant() -> None:
    assert _claimants("Le stade compte 40 000 places.", "40 000") == [None]
    # a pronoun that nothing before it names: null, never the nearest guess
    assert _claimants("Il a indiqué que 300 emplois seraient supprimés.", "300") == [None]


def test_a_cue_across_a_colon_or_a_line_break_reports_something_else() -> None:
    text = "Deux réunions sont prévues : le 8 mars, les syndicats appellent à manifester."
    assert _claimants(text, "Deux") == [None]
    text = "Trois écoles ferment\nLes parents dénoncent la décision du rectorat."
    assert _claimants(text, "Trois") == [None]
    # a colon right after the cue opens what it says
    text = "Le préfet a précisé : 300 personnes ont été évacuées."
    assert _claimants(text, "300") == ["Le préfet"]


def test_a_figure_in_a_clause_beside_the_cue_is_not_what_the_cue_says() -> None:
    text = (
        "Si les deux pays ne concluent pas un accord, la présence de 4 000 soldats n'aura plus de "
        "base légale."
    )
    assert _claimants(text, "4 000") == [None]


def test_the_object_of_accuser_is_no_statement_unless_a_clause_follows() -> None:
    assert _claimants("La banque a accusé une perte de 948 millions d'euros.", "948") == [None]
    text = "Le gouvernement a accusé une quarantaine de soldats d'avoir franchi la frontière."
    assert _claimants(text, "une quarantaine") == ["Le gouvernement"]


def test_a_relative_clause_with_its_own_subject_is_its_subject_s_claim() -> None:
    text = (
        "En 2009, année pour laquelle le gouvernement tablait sur une croissance de 2 %, la ministre "
        "a précisé que la fin de l'année serait meilleure."
    )
    assert _claimants(text, "2 %") == [None]


def test_a_reflexive_or_passive_cue_reports_nothing() -> None:
    text = "Ainsi, la perte de 600 millions d'euros s'expliquerait par des contrôles défaillants."
    assert _claimants(text, "600") == [None]
    text = "Alors que les deux pays sont engagés dans trois conflits, le sommet s'ouvre lundi."
    assert _claimants(text, "trois") == [None]


def test_a_pronoun_does_not_reach_past_an_unnamed_person_of_its_gender() -> None:
    # It stops at the unnamed person and gives them as written, as fr-figures-dev annotates them
    # ("Le trader", "L'ancien employé de la banque"), never someone named before.
    text = (
        "L'avocat du trader, Me Paul Roux, souligne que l'audit était incomplet.\n"
        "Le trader a affirmé avoir agi seul.\n"
        "Il a également affirmé avoir pris des positions de 500 millions d'euros."
    )
    assert _claimants(text, "500") == ["Le trader"]


# Classes read on fr-figures-dev's misses, each on an article written for it (issue 20).
def test_d_apres_names_the_source_as_selon_does() -> None:
    text = "D'après les chiffres de l'Office national publiés jeudi, le chômage a atteint 7,8 %."
    assert _claimants(text, "7,8") == ["les chiffres de l'Office national"]


def test_selon_lui_is_the_person_the_pronoun_stands_for() -> None:
    text = (
        "La directrice, Anne Morel, a présenté les comptes mardi. "
        "D'après elle, le chiffre d'affaires a atteint 3 millions d'euros."
    )
    assert _claimants(text, "3 millions") == ["Anne Morel"]
    text = "Le ministre Paul Durand a visité l'usine. Selon lui, 300 emplois seront créés."
    assert _claimants(text, "300") == ["Le ministre Paul Durand"]


def test_pour_a_person_opening_the_sentence_reads_as_selon() -> None:
    text = "Pour le président de la Fédération, Jean Valois, 80 clubs risquent de disparaître."
    assert _claimants(text, "80") == ["Jean Valois"]
    assert _claimants("Pour Limoges, la facture atteint 3 millions d'euros.", "3 millions") == [None]
    assert _claimants("Pour 2027, 300 emplois sont prévus.", "300") == [None]


def test_a_participle_after_quoted_words_is_no_cue_of_theirs() -> None:
    text = (
        "Le ministre chargé du Budget Paul Arnal a présenté le plan vendredi. "
        'Il a également indiqué que "60 % des 12 milliards" engagés dans le plan seraient dépensés '
        "cette année."
    )
    assert _claimants(text, "60 %", "12 milliards") == ["Paul Arnal", "Paul Arnal"]


def test_a_thing_subject_before_a_colon_asserts_nothing() -> None:
    text = (
        "La création d'un congé de vingt jours pour les aidants a suscité la colère du président "
        "de l'association : \"Je suis déçu. Un congé de vingt jours, ce n'est pas assez.\""
    )
    assert _claimants(text, "vingt jours, ce") == [None]


def test_a_pronoun_after_a_person_noun_phrase_gives_that_phrase() -> None:
    text = (
        "L'ancien comptable de la mutuelle est allé plus loin. "
        "Il indique qu'en 2021 il avait dissimulé des pertes de 4 millions d'euros."
    )
    assert _claimants(text, "4 millions") == ["L'ancien comptable de la mutuelle"]
    text = "Le plan de relance a été présenté mardi. Il prévoit que 500 postes seront créés."
    assert _claimants(text, "500") == [None]


# Classes read on fr-figures-dev2's misses (real RPM2 articles), each on an article written for it.
def test_a_cue_that_acts_on_its_object_makes_no_claim() -> None:
    text = "Lundi, les dirigeants de la mutuelle ont relevé à 2 % leur offre salariale."
    assert _claimants(text, "2 %") == [None]
    text = "Les maires défendent le fonds de 3 milliards d'euros créé par la région."
    assert _claimants(text, "3 milliards") == [None]
    text = "La flotte a lancé 40 missiles sur le port."
    assert _claimants(text, "40") == [None]
    # through a clause, the same verb reports
    text = "Le syndicat a relevé que 120 postes avaient disparu en un an."
    assert _claimants(text, "120") == ["Le syndicat"]


def test_the_outer_speaker_claims_a_figure_an_act_word_governs() -> None:
    text = (
        "La directrice de l'office du tourisme, Hélène Garnier, a expliqué à la radio que le "
        "festival lui rapporterait 2 millions d'euros par an."
    )
    assert _claimants(text, "2 millions") == ["Hélène Garnier"]


def test_a_denied_figure_is_not_the_denier_s() -> None:
    text = "La mutuelle a démenti jeudi avoir perdu 40 millions d'euros sur les marchés."
    assert _claimants(text, "40 millions") == [None]
    text = 'La mutuelle a démenti jeudi avoir perdu "40 millions d\'euros" sur les marchés.'
    assert _claimants(text, "40 millions") == [None]
    text = (
        "La mutuelle a démenti jeudi avoir perdu \"40 millions d'euros\", comme l'a affirmé le "
        "quotidien Le Courrier."
    )
    assert _claimants(text, "40 millions") == ["le quotidien Le Courrier"]


def test_a_figure_in_a_relative_clause_under_a_denial_is_the_denier_s_context() -> None:
    text = (
        "Le patron de la banque, Marc Olivier, a démenti toute responsabilité dans la décision de la "
        "banque centrale qui a relevé son taux de 0,5 %."
    )
    assert _claimants(text, "0,5 %") == ["Marc Olivier"]


def test_estimating_presenting_or_reproaching_a_figure_claims_it() -> None:
    text = "La fédération évalue à près de 30 millions d'euros ses pertes de l'hiver."
    assert _claimants(text, "30 millions") == ["La fédération"]
    text = "Jeanne Collin a présenté mardi un plan doté de 5 milliards d'euros."
    assert _claimants(text, "5 milliards") == ["Jeanne Collin"]
    text = "Le parquet lui reproche d'avoir dissimulé des pertes, qui ont atteint 8 millions d'euros."
    assert _claimants(text, "8 millions") == ["Le parquet"]


def test_selon_a_forecast_or_an_estimate_names_no_one() -> None:
    assert _claimants("Selon les prévisions, le chômage montera à 9 %.", "9 %") == [None]
    text = "Entre 20 % et 25 % des agents, selon de premiers calculs, ont fait grève."
    assert _claimants(text, "20 %", "25 %") == [None, None]


def test_a_thing_with_a_capitalised_complement_asserts_nothing() -> None:
    text = (
        "Le maire de Nantes, Paul Caron, a reçu les commerçants.\n"
        "Il a expliqué que le soutien de l'Etat leur rapporterait 20 millions d'euros."
    )
    assert _claimants(text, "20 millions") == ["Paul Caron"]


def test_a_pronoun_stands_for_the_main_subject_not_a_subordinate_thing() -> None:
    text = (
        "Le président du club, Louis Perrin, a expliqué que le soutien de la ville coûterait cher. "
        "Il a par ailleurs jugé que le taux de 4 % prévu était trop élevé."
    )
    assert _claimants(text, "4 %") == ["Louis Perrin"]


def test_the_name_closing_coordinated_roles_is_the_claimant() -> None:
    text = (
        "Le président de la Chambre des métiers (CDM) et patron du groupe Arvel, Simon Dreyfus, "
        "a indiqué que 250 apprentis seraient recrutés."
    )
    assert _claimants(text, "250") == ["Simon Dreyfus"]


def test_on_heard_at_an_institution_names_it() -> None:
    text = "Les travaux coûteront 12 millions d'euros, a-t-on précisé à la préfecture."
    assert _claimants(text, "12 millions") == ["la préfecture"]
    text = "Les travaux coûteront 12 millions d'euros, a-t-on précisé à Matignon."
    assert _claimants(text, "12 millions") == ["Matignon"]


def test_a_source_across_a_line_break_is_the_next_line_s() -> None:
    text = "La mutuelle aurait perdu 40 millions\nLa banque va publier ses comptes, selon Le Courrier."
    assert _claimants(text, "40 millions") == [None]


def test_an_aside_in_brackets_is_the_writer_s() -> None:
    text = (
        "La Mutuelle Atlantique avait annoncé en mai des pertes de 30 millions d'euros (portées "
        "depuis à 45 millions d'euros) sur ses placements."
    )
    assert _claimants(text, "30 millions", "45") == ["La Mutuelle Atlantique", None]
    text = (
        "Le déficit atteindra 3 % (comprenant la hausse de la TVA de 5 % à 7 %), selon la ministre Anne Roy."
    )
    assert _claimants(text, "5 %") == ["la ministre Anne Roy"]


def test_a_noun_phrase_ends_before_a_day_name() -> None:
    text = "La mutuelle a perdu 20 millions d'euros, affirme Le Courrier jeudi."
    assert _claimants(text, "20 millions") == ["Le Courrier"]
    text = "Le déficit atteindra 4 %, a indiqué ce mardi Jeanne Collin."
    assert _claimants(text, "4 %") == ["Jeanne Collin"]


def test_assurer_an_income_is_no_statement() -> None:
    text = "Le contrat a été étendu. Il assure aux salariés licenciés un revenu de 70 % du salaire."
    assert _claimants(text, "70 %") == [None]


def test_a_figure_describing_a_person_named_is_not_what_an_incise_reports() -> None:
    text = (
        "Une perquisition a eu lieu mardi chez le frère de Marc Dumont, comptable de la mutuelle "
        "accusé d'une perte de deux millions d'euros, a constaté un photographe de l'AFP."
    )
    assert _claimants(text, "deux millions") == [None]


def test_a_clause_the_parser_takes_for_the_subject_of_an_incise_is_what_it_reports() -> None:
    text = (
        "Malgré les 30 milliards d'euros du plan, la prévision de croissance pour l'an prochain "
        "reste de seulement 0,5 à 1 %, a prévenu la ministre du Budget, Claire Morel."
    )
    assert _claimants(text, "1 %") == ["Claire Morel"]


def test_a_gapped_clause_is_its_own_subject_s() -> None:
    text = "La mairie a dénombré 2 500 marcheurs, les syndicats 6 000."
    assert _claimants(text, "2 500", "6 000") == ["La mairie", "les syndicats"]
    # never the first clause's subject
    text = "La mairie a dénombré 2 500 marcheurs, les associations 6 000."
    assert _claimants(text, "6 000") == [None]


def test_a_source_after_a_rival_figure_speaks_for_that_one_only() -> None:
    text = "La gendarmerie a compté 900 tracteurs, contre 2 000 selon la fédération agricole."
    assert _claimants(text, "900", "2 000") == [None, "la fédération agricole"]
    text = "Entre 20 % et 30 % des agents, selon la direction, ont cessé le travail."
    assert _claimants(text, "20 %", "30 %") == ["la direction", "la direction"]


def test_a_participle_with_its_agent_names_who_reports_the_figure() -> None:
    text = "Les riverains contestent le chiffre de 300 camions avancé par la préfecture."
    assert _claimants(text, "300") == ["la préfecture"]
    text = "La hausse de 4 % annoncée par la mairie a surpris les usagers."
    assert _claimants(text, "4 %") == ["la mairie"]
    # a cue governing the sentence comes first
    text = (
        "Le président du club, Paul Ravel, a indiqué que la rénovation de 2 millions d'euros prévue "
        "par la mairie commencerait en mai."
    )
    assert _claimants(text, "2 millions") == ["Paul Ravel"]


def test_showing_what_is_counted_claims_nothing_presenting_a_plan_claims_its_figure() -> None:
    assert _claimants("Le constructeur a dévoilé 12 nouveaux modèles.", "12") == [None]
    text = "Le gouvernement a présenté un plan de relance de 26 milliards d'euros."
    assert _claimants(text, "26 milliards") == ["Le gouvernement"]


def test_a_document_or_a_count_without_an_author_names_no_one() -> None:
    assert _claimants("Selon un bilan provisoire, 9 randonneurs sont morts.", "9") == [None]
    assert _claimants("Selon une étude parue jeudi, 30 % des artisans hésitent.", "30 %") == [None]
    text = "Au moins 9 randonneurs sont morts, d'après un bilan de la gendarmerie."
    assert _claimants(text, "9") == ["un bilan de la gendarmerie"]
    assert _claimants("Selon un sondage Harris, 61 % des lecteurs approuvent.", "61 %") == [
        "un sondage Harris"
    ]


def test_an_incise_may_end_on_where_it_was_said() -> None:
    text = "La fréquentation des piscines a reculé de 12 %, indique la mairie dans un communiqué."
    assert _claimants(text, "12 %") == ["la mairie"]


def test_an_object_announcing_a_list_opens_what_the_colon_says() -> None:
    text = "La gendarmerie a communiqué lundi le bilan suivant :\n3 morts et 11 blessés sur la route."
    assert _claimants(text, "3 morts", "11") == ["La gendarmerie", "La gendarmerie"]
    text = "Le rapport le dit sans détour : la dette atteindra 120 %."
    assert _claimants(text, "120") == [None]


def test_a_body_speaking_for_someone_named_claims() -> None:
    text = "Le coût des travaux atteindra 8 millions d'euros, a précisé le cabinet du ministre."
    assert _claimants(text, "8 millions") == ["le cabinet du ministre"]
    text = "Le coût des travaux atteindra 8 millions d'euros, a précisé le cabinet."
    assert _claimants(text, "8 millions") == [None]


def test_a_woman_named_after_a_masculine_role_noun_is_elle() -> None:
    text = (
        "Le maire de la ville, Sophie Lemaire, a visité le quartier. "
        "Selon elle, 150 logements seront rénovés."
    )
    assert _claimants(text, "150") == ["Sophie Lemaire"]


def test_an_inverted_clitic_labelled_as_an_expletive_is_the_subject() -> None:
    text = "Paul Morin, maire de la commune, était sur place. 25 caves ont été inondées, a-t-il précisé."
    assert _claimants(text, "25") == ["Paul Morin"]


def test_who_a_cue_addresses_is_not_what_it_says() -> None:
    text = "Le préfet a répondu aux 200 agriculteurs rassemblés devant la mairie."
    assert _claimants(text, "200") == [None]
    text = "La ministre a affirmé devant 3 000 militants que la réforme passerait."
    assert _claimants(text, "3 000") == [None]
    # a verb of value takes its figure after "à"
    text = "La fédération évalue à près de 2 millions d'euros ses pertes de l'été."
    assert _claimants(text, "2 millions") == ["La fédération"]


def test_a_en_croire_reads_as_selon() -> None:
    text = "À en croire la fédération, 45 clubs fermeront avant l'été."
    assert _claimants(text, "45") == ["la fédération"]


def test_every_sum_of_a_list_closed_by_an_inverted_cue_is_its_subject_s_claim() -> None:
    # The parser takes one of the sums for the cue's subject and labels the inverted one its object.
    text = (
        "Le premier assureur français Mutuelle Azur va recevoir 3 milliards d'euros, Groupe Orion 2,55 "
        "milliards d'euros, Caisse Verte 1,7 milliard tandis que Banque Lys va obtenir 1,2 milliard, "
        "Crédit Nord 1,1 milliard et Banque Alpine 950 millions, a annoncé hier soir la ministre de "
        "l'Economie Hélène Marchal."
    )
    minister = "la ministre de l'Economie Hélène Marchal"
    assert _claimants(text, "3 milliards", "2,55", "1,7") == [minister] * 3
    # The clause "tandis que Banque Lys va obtenir …" has a verb and a subject of its own.
    assert set(_claimants(text, "1,2", "1,1", "950")) <= {minister, None}


def test_a_source_the_parser_hangs_on_the_figure_still_claims_it() -> None:
    text = "Selon les organisateurs, ils étaient entre 150.000 et 160.000 à battre le pavé."
    assert _claimants(text, "150.000", "160.000") == ["les organisateurs", "les organisateurs"]


def test_a_figure_in_a_relative_on_the_speaker_or_a_noun_s_complement_is_no_one_s_claim() -> None:
    text = (
        "« La demande est énorme », reconnaît Sophie Lantier, proviseure du lycée Verlaine, qui finit "
        "de composer, dans la précipitation, les groupes de 10 élèves."
    )
    assert _claimants(text, "10") == [None]


def test_a_participle_s_agent_claims_only_the_noun_it_qualifies() -> None:
    text = (
        "La Birmanie a envoyé des renforts, quelques heures après l'annonce par un colonel laotien du "
        "retrait - démenti par Rangoun - d'une centaine de soldats birmans de cette zone revendiquée par "
        "les deux pays."
    )
    assert _claimants(text, "une centaine") == [None]


def test_a_pronoun_after_pour_x_opening_the_sentence_before_is_x() -> None:
    text = (
        "C'est la solution que retient aussi Paul Verdier, dans Le Courrier du Sud.\n"
        "Pour Marc Olivier, dans La Gazette du Nord, ce n'est pas suffisant.\n"
        "Regardant du côté des Pays-Bas, « où la loi est appliquée depuis cinq ans », il évoque les 495 cas "
        "autorisés l'an dernier."
    )
    assert _claimants(text, "495") == ["Marc Olivier"]


def test_venir_de_is_the_recent_past_its_infinitive_reports() -> None:
    text = "La banque Valmont vient d'annoncer une perte nette de 234 millions d'euros."
    assert _claimants(text, "234") == ["La banque Valmont"]
    assert _claimants("Le groupe veut lancer 300 nouveaux produits.", "300") == [None]


def test_a_valuing_verb_left_unlemmatised_still_values_its_figure() -> None:
    # The lemmatiser leaves "chiffre" as it is: "à 636 millions" is the value, not whom it addresses.
    text = "La banque Valmont chiffre à 636 millions d'euros l'impact de la crise."
    assert _claimants(text, "636") == ["La banque Valmont"]


def test_a_poll_made_by_someone_or_published_somewhere_is_theirs() -> None:
    text = "Près de 70 % des lecteurs approuvent la réforme, selon un sondage réalisé par l'institut Vega."
    assert _claimants(text, "70 %") == ["un sondage réalisé par l'institut Vega"]
    text = "Au moins 40 % des commerçants hésitent, selon une enquête parue hier dans le quotidien Le Matin."
    assert _claimants(text, "40 %") == ["une enquête parue hier dans le quotidien Le Matin"]
    # The participle may follow the noun's complement; it never reaches past a comma.
    text = "Selon un sondage sur le moral des ménages mené par l'institut Vega, 55 % sont confiants."
    assert _claimants(text, "55 %") == ["un sondage sur le moral des ménages mené par l'institut Vega"]
    # Published, with no author or publisher named: no one's.
    assert _claimants("Selon une étude publiée mardi, 30 % des artisans hésitent.", "30 %") == [None]


def test_a_document_that_reveals_or_shows_a_figure_claims_it() -> None:
    assert _claimants("L'enquête de l'Insee révèle que 12 % des ménages ont épargné.", "12 %") == [
        "L'enquête de l'Insee"
    ]
    assert _claimants("Le rapport de la Cour des comptes montre que 30 % des crédits dorment.", "30 %") == [
        "Le rapport de la Cour des comptes"
    ]


def test_this_same_poll_is_the_poll_the_text_gave_before() -> None:
    text = (
        "Quelque 58 % des lecteurs approuvent la réforme, selon un sondage paru hier dans le quotidien "
        "Le Matin. Ce même sondage révèle aussi que 81 % font confiance aux commerçants."
    )
    assert _claimants(text, "58 %", "81 %") == ["un sondage paru hier dans le quotidien Le Matin"] * 2
    # With no poll given before, no one's.
    assert _claimants("Ce sondage révèle aussi que 81 % font confiance aux commerçants.", "81 %") == [None]


def test_a_cue_whose_stem_opens_before_a_mute_e_is_read() -> None:
    # "considérer" → "considère", "répéter" → "répète": the sentence is worth parsing all the same.
    assert _claimants("Le maire considère que 300 logements manquent.", "300") == ["Le maire"]
    assert _claimants("La directrice répète que 40 postes sont vacants.", "40") == ["La directrice"]


def test_insisting_on_saying_a_figure_claims_it() -> None:
    assert _claimants("Le ministre a tenu à souligner que 300 postes seront créés.", "300") == ["Le ministre"]
    # Wanting to do something with a quantity states nothing.
    assert _claimants("Le maire tient à lancer 30 chantiers.", "30") == [None]


def test_speaking_of_a_count_claims_it_also_in_a_relative_on_people() -> None:
    assert _claimants("La police parle de 3 000 manifestants.", "3 000") == ["La police"]
    text = "La préfecture donne un chiffre plus haut que les organisateurs, qui parlaient de 9.000 marcheurs."
    assert _claimants(text, "9.000") == ["les organisateurs"]
    # A relative on a plan holds what it plans, no one's claim.
    text = "Les députés examineront le 4 novembre le budget de la Santé, qui prévoit 1 200 suppressions."
    assert _claimants(text, "1 200") == [None]


def test_a_relative_on_a_role_set_beside_a_name_is_that_name() -> None:
    text = (
        "« Les digues tiennent », a déclaré à l'AFP Léon Marchal, directeur du port, qui a assuré mardi "
        "que 40 maisons avaient été évacuées."
    )
    assert _claimants(text, "40") == ["Léon Marchal"]


def test_a_newspaper_speaks_through_its_kind_of_title() -> None:
    text = "L'usine a perdu 4 millions d'euros au premier semestre, poursuit le quotidien régional."
    assert _claimants(text, "4 millions") == ["le quotidien régional"]


def test_a_participle_clause_with_its_own_subject_claims_what_it_mentions() -> None:
    text = "Le maire a refusé de chiffrer les travaux, la presse locale évoquant jusqu'à 8 millions d'euros."
    assert _claimants(text, "8 millions") == ["la presse locale"]


def test_a_source_named_inside_a_relative_stops_before_the_figure() -> None:
    text = "Le gérant, qui a touché selon La Gazette d'importantes primes de 40.000 euros, a démissionné."
    assert _claimants(text, "40.000") == ["La Gazette"]


def test_a_relative_after_an_incise_subject_keeps_the_incise() -> None:
    text = (
        "La mutuelle a perdu 12 millions d'euros en un an, conclut un rapport de la Cour des comptes "
        "dont fait état la radio locale."
    )
    assert _claimants(text, "12 millions") == ["un rapport de la Cour des comptes"]


def test_accusing_a_count_of_people_of_an_act_claims_the_count() -> None:
    text = "Mardi, le Laos accusait une vingtaine de gardes frontaliers d'avoir franchi la rivière."
    assert _claimants(text, "une vingtaine") == ["le Laos"]


def test_according_to_which_is_the_noun_the_relative_hangs_on() -> None:
    text = "Le maire a cité un sondage Ipsos selon lequel 62% des habitants approuvent le projet."
    assert _claimants(text, "62%") == ["un sondage Ipsos"]


def test_a_participle_after_a_quote_incise_is_the_speaker_the_quote_has() -> None:
    text = (
        "La salle des fêtes a brûlé dans la nuit, a constaté Paul Mercier, adjoint au maire, sur place : "
        "« Le toit venait d'être refait », souligne-t-il, estimant le coût des travaux à 80.000 euros."
    )
    assert _claimants(text, "80.000") == ["Paul Mercier"]
