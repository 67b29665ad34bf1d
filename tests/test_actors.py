from __future__ import annotations

import pytest

from newsbrief.analysis import Settings, analyze
from newsbrief.article import source_from_text
from newsbrief.gazetteer import Entry, load_gazetteer
from newsbrief.identity import Located, _merge_acronyms
from newsbrief.model import Mention


def actors_of(text: str):
    return {a.id: a for a in analyze(source_from_text(text)).actors}


def actors_and_links(text: str):
    """The actors by id and the (source, target, class) of every relation."""
    a = analyze(source_from_text(text))
    links = {(r.source, r.target, r.event_class) for r in a.relations}
    return {x.id: x for x in a.actors}, links


def test_aliases_resolve_to_one_node():
    text = (
        "NATO members met in Brussels. The alliance agreed to act, and NATO forces moved east. "
        "Tokyo said Japanese officers would join the Self-Defense Forces (SDF) mission."
    )
    actors = actors_of(text)
    assert set(actors["NATO"].aliases) == {"NATO members", "The alliance", "NATO forces"}
    assert {"Tokyo", "Japanese"} <= set(actors["JPN"].aliases)
    assert actors["JPN-SDF"].part_of == "JPN"
    assert actors["JPN-SDF"].type == "military"
    assert "BEL" not in actors  # Brussels is a meeting place here, not a participant


def test_state_armed_force_from_demonym():
    actors = actors_of("Chinese coast guard vessels blocked Philippine marines near the reef.")
    assert actors["CHN-CG"].part_of == "CHN"
    philippine = [a for a in actors.values() if a.part_of == "PHL"]
    assert philippine and philippine[0].type == "military"


def test_a_body_named_after_a_known_organization_is_part_of_it():
    actors, links = actors_and_links(
        "Aid reaches the coast.\n\nThe UN Human Rights Office said the strike on the port "
        "was unlawful. The UN said it would send a team, and the NATO Parliamentary "
        "Assembly called for calm."
    )
    assert actors["UN-HUMAN-RIGHTS-OFFICE"].part_of == "UN"
    assert actors["UN-HUMAN-RIGHTS-OFFICE"].type == "organization"
    assert actors["UN"].aliases == ("The UN",)  # the body's name is no mention of the UN
    assert actors["NATO-PARLIAMENTARY-ASSEMBLY"].part_of == "NATO"
    assert ("UN-HUMAN-RIGHTS-OFFICE", "UN", "PART_OF") in links


def test_a_body_named_after_an_acronym_the_text_defines_is_part_of_it():
    actors, links = actors_and_links(
        "Monitors arrive.\n\nThe Harbour Safety Board (HSB) met on Monday. The HSB Review "
        "Panel said the port was safe."
    )
    assert actors["HSB-REVIEW-PANEL"].part_of == "HARBOUR-SAFETY-BOARD"
    assert ("HSB-REVIEW-PANEL", "HARBOUR-SAFETY-BOARD", "PART_OF") in links


def test_a_single_ordinary_word_opening_a_name_places_no_body():
    actors, links = actors_and_links(
        "Monitors arrive.\n\nThe Army Reserve Board met. The Army said it would stay."
    )
    assert actors["ARMY-RESERVE-BOARD"].part_of is None
    assert not any(source == "ARMY-RESERVE-BOARD" for source, _, _ in links)


def test_a_programme_named_after_a_known_organization_is_a_body_of_it():
    actors = actors_of(
        "Rains flooded the valley.\n\nThe UN Development Programme said 4,000 families "
        "had lost their homes, and the UN asked donors for help."
    )
    assert actors["UN-DEVELOPMENT-PROGRAMME"].part_of == "UN"
    assert actors["UN-DEVELOPMENT-PROGRAMME"].type == "organization"
    assert actors["UN"].aliases == ("the UN",)


def test_a_group_named_by_the_side_it_takes_is_no_states():
    actors = actors_of("Heavy shelling was blamed on pro-Russian separatists near the river.")
    group = actors["PRO-RUSSIAN-SEPARATISTS"]
    assert (group.name, group.type, group.part_of) == ("pro-Russian separatists", "group", None)
    assert "RUS" not in actors and "RUS-SEPARATISTS" not in actors


def test_a_side_taken_at_a_sentences_start_keeps_a_lower_case_prefix():
    actors = actors_of("The river rose. Pro-Turkish rebels shelled the bridge on Sunday.")
    group = actors["PRO-TURKISH-REBELS"]
    assert (group.name, group.type) == ("pro-Turkish rebels", "group")


def test_militias_in_the_plural_are_a_group_as_militiamen_are():
    actors = actors_of("The river rose. Officials said pro-Turkish militias shelled the bridge.")
    group = actors["PRO-TURKISH-MILITIAS"]
    assert (group.name, group.type, group.part_of) == ("pro-Turkish militias", "group", None)
    assert actors_of("Syrian militias shelled the bridge.")["SYR-MILITIAS"].type == "group"


def test_a_side_taken_before_no_group_names_no_actor():
    actors = actors_of("Anti-American protests spread after Brazil closed the port.")
    assert set(actors) == {"BRA"}


def test_a_longer_name_that_holds_a_known_groups_is_a_group_of_its_own():
    actors = actors_of(
        "The Saraya Hezbollah militia shelled a convoy on Friday. On Saturday Hezbollah "
        "said it had no part in the attack."
    )
    group = actors["SARAYA-HEZBOLLAH"]
    assert (group.name, group.type, group.part_of) == ("Saraya Hezbollah", "group", None)
    assert actors["HEZBOLLAH"].aliases == ("Hezbollah",)


def test_a_headlines_capitals_make_no_body_of_an_organization():
    actors = actors_of(
        "Officers Sent to NATO Training Command\n\nNATO said the officers would train."
    )
    assert "NATO-TRAINING-COMMAND" not in actors
    assert "NATO" in actors


def test_a_body_coordinated_with_a_states_force_is_that_states():
    actors, links = actors_and_links(
        "Troops will move south.\n\nLebanon agreed to the plan. Within a month, the "
        "Lebanese Army and the Border Protection Forces will deploy along the river."
    )
    assert actors["BORDER-PROTECTION-FORCES"].part_of == "LBN"
    assert ("BORDER-PROTECTION-FORCES", "LBN", "PART_OF") in links


def test_a_body_beside_a_state_not_its_force_takes_no_state():
    actors = actors_of(
        "Troops will move south.\n\nLebanon and the Border Protection Forces will deploy "
        "along the river."
    )
    assert actors["BORDER-PROTECTION-FORCES"].part_of is None


def test_a_force_word_inside_an_agreements_name_is_no_force():
    actors = actors_of(
        "Officials of Peru and Chile reviewed the Chile-Peru Navy Fisheries Cooperation Agreement. "
        "The Chilean Navy said it would attend."
    )
    assert "PER-NAVY" not in actors  # "Peru Navy ... Agreement" names a document
    assert actors["CHL-NAVY"].part_of == "CHL"
    assert "Peru" in actors["PER"].aliases


def test_ner_persons_and_surnames_merge():
    text = (
        "Polish Foreign Minister Radek Nowakowski spoke in Warsaw. "
        "Nowakowski said Poland would wait."
    )
    actors = actors_of(text)
    person = actors["radek-nowakowski"]
    assert person.type == "person"
    assert len(person.mentions) == 2
    assert person.part_of == "POL"


def test_mentions_point_into_the_text():
    text = "Russia invaded Ukraine. Kyiv asked the EU for help."
    a = analyze(source_from_text(text))
    for actor in a.actors:
        for m in actor.mentions:
            assert a.text[m.start : m.end] == m.text
    assert {m.text for m in a.actor("UKR").mentions} == {"Ukraine", "Kyiv"}


def test_user_gazetteer_extends(tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "groups:\n  - {id: BLUE-LEAGUE, name: Blue League, aliases: [Blue League, the League]}\n",
        encoding="utf-8",
    )
    gaz = load_gazetteer((str(extra),))
    assert gaz.lookup("the League").entry.id == "BLUE-LEAGUE"
    assert gaz.lookup("Japan").entry.code == "JPN"


def test_broken_user_gazetteer_is_a_clean_error(tmp_path):
    import pytest

    from newsbrief.errors import NewsbriefError

    bad = tmp_path / "bad.yaml"
    bad.write_text("groups: [\n  - broken", encoding="utf-8")
    with pytest.raises(NewsbriefError, match="cannot read gazetteer"):
        load_gazetteer((str(bad),))


def test_user_group_lists_its_member_states(tmp_path):
    import pytest

    from newsbrief.errors import NewsbriefError

    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "groups:\n  - {id: RIVER-STATES, name: River states, members: [AUT, HUN]}\n",
        encoding="utf-8",
    )
    assert load_gazetteer((str(extra),)).members["RIVER-STATES"] == ("AUT", "HUN")
    bad = tmp_path / "bad.yaml"  # a bare code would be read letter by letter
    bad.write_text("groups:\n  - {id: RIVER-STATES, members: AUT}\n", encoding="utf-8")
    with pytest.raises(NewsbriefError, match=r"groups\[0\]: members must be a list"):
        load_gazetteer((str(bad),))


def test_acronym_and_full_name_are_one_actor():
    from newsbrief.analysis import analyze
    from newsbrief.article import source_from_text

    text = (
        "The Center for Strategic and International Studies (CSIS) published a report on Monday. "
        "CSIS said China had expanded its navy."
    )
    actors = analyze(source_from_text(text)).actors
    csis = [a for a in actors if "CSIS" in a.aliases]
    assert len(csis) == 1
    assert "Center for Strategic and International Studies" in csis[0].aliases


def test_an_organization_named_for_its_purpose_is_not_cut_at_to():
    actors = actors_of(
        "Nearly ten years after establishing the Global Coalition to Defeat ISIS, "
        "the two leaders discussed the Coalition."
    )
    assert not any(a.name.endswith(" to") for a in actors.values())


def test_a_bare_surname_after_a_lowercase_title_is_a_person():
    actors = actors_of(
        "Hezbollah said on Sunday that its longtime leader Nasrallah had been killed in the strike."
    )
    assert actors["nasrallah"].type == "person"
    assert "nasrallah" not in actors_of("Israel said on Sunday that Nasrallah had been killed.")


def test_a_title_that_heads_a_body_is_the_persons_whole_title():
    """ "Secretary of State" is one title: "State" inside it starts none of its own."""
    actors = actors_of("Secretary of State Lund said the talks would resume in Oslo.")
    assert actors["lund"].name == "Secretary of State Lund"
    actors = actors_of("Minister of Foreign Affairs Dorsey said the border would stay open.")
    assert actors["dorsey"].name == "Minister of Foreign Affairs Dorsey"
    assert "affairs-dorsey" not in actors


def test_a_departments_field_before_a_title_is_part_of_the_title():
    """ "Commerce" is no title word, but the gazetteer's "Commerce Department" makes it a body's."""
    actors = actors_of("Commerce Secretary Vellamo said the export rules would change in May.")
    assert actors["vellamo"].name == "Commerce Secretary Vellamo"
    assert actors["vellamo"].part_of == "USA"  # the department's state
    actors = actors_of("Homeland Security Secretary Vellamo toured the port on Friday.")
    assert actors["vellamo"].name == "Homeland Security Secretary Vellamo"


def test_a_name_the_text_uses_as_a_place_is_no_person():
    text = (
        "A rocket struck a soccer field in the town of Majdal Shams on Saturday. "
        "Israel blamed Hezbollah for the attack in Majdal Shams."
    )
    actors = actors_of(text)
    assert not [a for a in actors.values() if a.type == "person"]
    assert {"ISR", "HEZBOLLAH"} <= set(actors)


def test_a_body_named_in_a_documents_name_is_no_mention_of_it():
    assert "UN" not in actors_of("Japan and Vietnam pledged to uphold the UN Charter.")
    actors = actors_of(
        "Japan and Vietnam pledged to uphold the UN Charter. The UN said it welcomed the pledge."
    )
    assert len(actors["UN"].mentions) == 1


def test_a_body_before_a_thing_that_is_no_document_is_still_that_body():
    actors = actors_of("Rockets hit the UN Base in Naqoura. The UN Treaty was signed there.")
    assert len(actors["UN"].mentions) == 1  # the Base is the UN's; the Treaty names a document


def test_document_words_and_titles_come_from_the_gazetteer(tmp_path):
    gaz = load_gazetteer()
    assert {"Charter", "Treaty"} <= gaz.document_words <= gaz.thing_words
    assert "Base" in gaz.thing_words and "Base" not in gaz.document_words
    extra = tmp_path / "mine.yaml"
    extra.write_text("ner_filters:\n  document_words: [Covenant]\n  title_nouns: [warlord]\n")
    mine = load_gazetteer((str(extra),))
    assert {"Covenant", "Charter"} <= mine.document_words
    assert {"warlord", "leader"} <= mine.title_nouns
    text = "Japan pledged to uphold the NATO Covenant. Rebels said the warlord Kony had fled."
    actors = {a.id: a for a in analyze(source_from_text(text), Settings((str(extra),))).actors}
    assert "NATO" not in actors and "NATO" in actors_of(text)
    assert actors["kony"].type == "person" and "kony" not in actors_of(text)


def test_an_acronym_with_a_word_for_its_people_is_that_body():
    actors = actors_of(
        "The Multinational Security Support (MSS) arrived in Haiti. "
        "The police and MSS Force secured the area, the MSS said."
    )
    assert "MSS-FORCE" not in actors
    assert "MSS Force" in actors["MSS"].aliases


def test_names_around_one_acronym_are_one_body():
    def found(name: str, kind: str = "organization", how: str = "ner") -> Located:
        return Located(
            Entry(name.upper().replace(" ", "-"), name, kind), Mention(0, 0, 1, name), how
        )

    located = [
        found("CFE States"),
        found("CFE Treaty States"),
        found("another CFE State Party"),
        found("NATO Allies"),
        found("US NATO Mission"),  # two acronyms: no one core
        found("CFE Smith", "person"),
    ]
    ids = [loc.entry.id for loc in _merge_acronyms(located)]
    assert ids == ["CFE-STATES"] * 3 + ["NATO-ALLIES", "US-NATO-MISSION", "CFE-SMITH"]


def test_a_states_security_forces_are_its_force():
    actors = actors_of("Iraqi security forces retook the town from the militants.")
    assert actors["IRQ-SF"].part_of == "IRQ"
    assert actors["IRQ-SF"].type == "military"


def test_a_force_the_gazetteer_lacks_is_named_with_its_states_adjective():
    # Named with the state's noun it read "Lebanon army", "Uganda demonstrators";
    # where the first demonym is a person the states data gives the adjective.
    actors = actors_of(
        "Lebanon's army moved south on Monday. Ugandan demonstrators marched in Kampala. "
        "New Zealand's army sent engineers to the port. The U.S. military guarded the quay."
    )
    assert actors["LBN-ARMY"].name == "Lebanese army"
    assert actors["UGA-PROTESTERS"].name == "Ugandan demonstrators"
    assert actors["NZL-ARMY"].name == "New Zealand army"
    assert actors["USA-MIL"].name == "US military"


def test_a_body_named_for_its_purpose_is_one_even_around_a_known_name():
    actors = actors_of(
        "Nearly ten years after establishing the Global Coalition to Defeat ISIS, "
        "the two leaders discussed the Coalition's successes in Iraq."
    )
    assert actors["GLOBAL-COALITION-TO-DEFEAT-ISIS"].type == "organization"
    assert "ISIS" in actors


def test_a_body_someone_has_is_no_place():
    actors = actors_of("Germany will host missiles from its Multi-Domain Task Force in 2026.")
    assert actors["MULTI-DOMAIN-TASK-FORCE"].type == "military"


def test_named_fleets_and_teams_are_bodies():
    actors = actors_of("A press release from the US Navy's 3rd Fleet said the drill ended.")
    assert actors["3RD-FLEET"].type == "military"
    actors = actors_of("The Interim Observer Team will monitor the ceasefire line.")
    assert actors["INTERIM-OBSERVER-TEAM"].type == "organization"


def test_a_bare_force_is_the_one_named_most_often():
    text = (
        "The US Navy sank a ship. The US Navy said the test worked. "
        "The Royal Australian Navy joined the drill. The Navy said it would test again."
    )
    actors = actors_of(text)
    assert "NAVY" not in actors
    us = next(a for a in actors.values() if "US Navy" in a.aliases)
    assert "Navy" in us.aliases
    even = actors_of("The US Navy sank a ship. The Royal Australian Navy joined. The Navy said so.")
    assert not any("Navy" in a.aliases and a.part_of for a in even.values())  # no clear owner


_TWO_STATES = (
    "Chile and Peru trade warnings\n\n"
    "Chile warned Peru on Monday over the disputed shoals.\n\n"
    "{line}\n\nChile said Peru would regret it.\n"
)


@pytest.mark.parametrize(
    ("line", "force"),
    [
        (
            "“We will send the coastal units of our Navy to the shoals,” said Peruvian "
            "President Tomas Brandt in Lima.",
            "PER-NAVY",
        ),
        ("Peru said on Tuesday that its Army would hold exercises near the border.", "PER-ARMY"),
    ],
)
def test_a_force_a_pronoun_possesses_is_the_state_s_it_stands_for(line, force):
    """ "Our Navy" in a president's words, "its Army" after one state: that state's force,
    though two states are named as often, so no home state decides."""
    actors = actors_of(_TWO_STATES.format(line=line))
    assert "NAVY" not in actors and "ARMY" not in actors
    assert actors[force].part_of == "PER"
    assert actors[force].type == "military"


def test_its_after_two_possible_owners_is_left_unowned():
    actors = actors_of(
        _TWO_STATES.format(line="Chile and Peru agreed on Monday that its Navy would patrol.")
    )
    assert actors["NAVY"].part_of is None


def test_a_state_name_inside_a_place_name_is_no_mention_of_it():
    assert "MEX" not in actors_of("The US Air Force struck a target in the Gulf of Mexico.")
    assert "MEX" in actors_of("The US Air Force said Mexico agreed to the test.")


def test_a_name_that_only_qualifies_a_thing_is_no_actor():
    actors = actors_of("Activists sent balloons filled with XQZ sticks to the North, Seoul said.")
    assert "XQZ" not in actors
    kept = actors_of("Activists sent XQZ sticks north. The XQZ said it would send more.")
    assert "XQZ" in kept


def test_a_headline_names_a_speaker_by_title():
    text = (
        "Remarks by President Biden Announcing a Ceasefire Between Israel and Hezbollah\n\n"
        "Today I have good news to share. Israel and Lebanon accepted the proposal."
    )
    actors = actors_of(text)
    biden = next(a for a in actors.values() if a.type == "person")
    assert biden.name == "President Biden" and biden.mentions[0].unit == 0
    plain = actors_of("Remarks on the Ceasefire Between Israel and Hezbollah\n\nIsrael agreed.")
    assert not [a for a in plain.values() if a.type == "person"]


def test_legislatures_and_services_news_names_alone_are_their_states_bodies():
    actors = actors_of("The Knesset passed the bill. Shin Bet said the Duma had not replied.")
    assert actors["ISR-KNESSET"].part_of == "ISR" and actors["ISR-KNESSET"].type == "government"
    assert actors["ISR-SHIN-BET"].part_of == "ISR"
    assert actors["RUS-DUMA"].part_of == "RUS"


def test_the_soviet_union_is_a_state_news_still_names():
    actors = actors_of("Pershing missiles alarmed the Soviet leadership. The USSR deployed SS-20s.")
    assert actors["SUN"].type == "state"
    assert {"Soviet", "USSR"} <= set(actors["SUN"].aliases)


def test_a_speaker_label_names_the_person_after_the_office():
    text = (
        "The strikes hit three sites on Saturday.\n\n"
        "Chairman of the Joint Chiefs of Staff Dana “Ace” Roe: “The sites were destroyed.”\n\n"
        "Director of National Intelligence Jane Doe: “The operation was a success.”\n\n"
        "Operation Midnight: “It worked,” officials said."
    )
    persons = {a.name for a in actors_of(text).values() if a.type == "person"}
    assert {name.split()[-1] for name in persons} == {"Roe", "Doe"}


def test_state_bodies_beyond_forces_and_foreign_ministries():
    text = (
        "The Ruritanian constitutional council overturned the decree on Monday. "
        "Ukraine's General Staff said the attack was repelled, and Kenya's interior ministry "
        "banned the march."
    )
    actors = actors_of(text)
    assert actors["UKR-GS"].part_of == "UKR" and actors["UKR-GS"].type == "military"
    assert actors["KEN-MOI"].part_of == "KEN" and actors["KEN-MOI"].type == "government"
    assert not any(a.startswith("RUR") for a in actors)  # no such state: nothing to own it


def test_a_group_owns_the_unit_named_with_its_possessive():
    analysis = analyze(source_from_text("Hezbollah's Radwan Force fired rockets at Israel."))
    part_of = {(r.source, r.target) for r in analysis.relations if r.event_class == "PART_OF"}
    assert ("RADWAN-FORCE", "HEZBOLLAH") in part_of


def test_a_parsed_name_that_ends_one_other_is_that_body():
    def found(name: str, kind: str = "organization") -> Located:
        return Located(
            Entry(name.upper().replace(" ", "-"), name, kind), Mention(0, 0, 1, name), "ner"
        )

    located = [
        found("Joint Harbour Planning Board"),
        found("Planning Board"),
        found("Regional Security Council"),
        found("Economic Council"),
        found("Council"),  # ends two names: which one is not said
        found("Anna Board", "person"),
        found("Board", "person"),  # persons are left to the surname rule
    ]
    ids = [loc.entry.id for loc in _merge_acronyms(located)]
    assert ids == [
        "JOINT-HARBOUR-PLANNING-BOARD",
        "JOINT-HARBOUR-PLANNING-BOARD",
        "REGIONAL-SECURITY-COUNCIL",
        "ECONOMIC-COUNCIL",
        "COUNCIL",
        "ANNA-BOARD",
        "BOARD",
    ]


def test_a_demonym_before_a_place_of_where_is_no_mention_of_its_state():
    flew = actors_of("Two drones flew through Belarusian airspace before Polish jets scrambled.")
    assert set(flew) == {"POL"}
    both = actors_of(
        "A rocket landed near the Syrian and Lebanese borders, and Israel blamed Hezbollah."
    )
    assert "SYR" not in both and "LBN" not in both
    # A place that is hit is the state's; people and things it owns name it too.
    assert "MDA" in actors_of("Russia stepped up its drone attacks on Moldovan towns.")
    assert {"BLR", "RUS"} <= set(
        actors_of("Belarusian officials denied that Russian missiles had crossed the border.")
    )


def test_a_name_defined_with_an_acronym_is_that_body_where_reused():
    text = (
        "Ruritania's Joint Chiefs of Staff (JCS) has advised people not to touch the drones. "
        '"The attacks must stop," JCS said in a statement. '
        "The Joint Chiefs of Staff also met on Tuesday."
    )
    body = [a for a in actors_of(text).values() if "JCS" in a.aliases]
    assert len(body) == 1
    said = [m.text for m in body[0].mentions]
    assert said == ["Joint Chiefs of Staff", "JCS", "JCS", "Joint Chiefs of Staff"]


def test_a_defined_acronym_of_no_actor_stays_none():
    text = "The Quiet Border Zone (QBZ) runs along the river. Soldiers patrol the QBZ at night."
    assert not any("QBZ" in a.aliases for a in actors_of(text).values())


def test_a_body_after_a_nouns_from_sent_it_and_is_no_place():
    text = "According to a statement from the Harbour Safety Board, the ferry sank at dawn."
    assert any("Harbour Safety Board" in a.aliases for a in actors_of(text).values())


def test_a_national_police_is_a_body():
    text = "The Ruritanian National Police arrested two smugglers on Monday."
    names = {x for a in actors_of(text).values() for x in a.aliases}
    assert "Ruritanian National Police" in names


def test_the_first_state_of_north_and_south_korea_is_named_too():
    actors = actors_of("North and South Korea held talks at the border village on Friday.")
    assert [m.text for m in actors["PRK"].mentions] == ["North"]
    assert [m.text for m in actors["KOR"].mentions] == ["South Korea"]


def test_a_body_after_a_withdrawal_from_is_left_not_sent():
    text = "Ruritania announced its withdrawal from the Northern Grain Commission on Monday."
    names = {x for a in actors_of(text).values() for x in a.aliases}
    assert "Northern Grain Commission" not in names


def test_a_name_given_with_also_known_as_is_the_same_person():
    text = (
        "The army said Dorvan, also known as Abu Karim Selim, led the raid on the depot. "
        "Last year the Treasury Department imposed sanctions on Dorvan and two other commanders."
    )
    person = actors_of(text)["abu-karim-selim"]
    assert [m.text for m in person.mentions] == ["Dorvan", "Abu Karim Selim", "Dorvan"]


def test_european_leaders_are_one_group():
    actors = actors_of(
        "Canada hosted European leaders on Monday. The European allies pledged to rebuild the port."
    )
    europe = actors["EUROPE"]
    assert europe.type == "group"
    assert {"European leaders", "European allies"} <= set(europe.aliases)


def test_a_group_noun_after_a_name_the_gazetteer_lacks_is_a_group():
    actors = actors_of(
        "Armed militants stormed the village, and Chad accused Zaghawa rebels of the raid."
    )
    assert actors["ZAGHAWA-REBELS"].type == "group"
    assert actors["ZAGHAWA-REBELS"].part_of is None  # no state of theirs is named
    assert not any(a.startswith("ARMED") for a in actors)  # a sentence's first word is no name


def test_a_group_noun_after_a_demonym_stays_the_states_people():
    actors = actors_of("Kenyan protesters marched on the parliament.")
    assert "KEN-PROTESTERS" in actors
    assert not any(a.startswith("KENYAN") for a in actors)


def test_a_defense_spokesman_speaks_for_the_states_defense_body():
    actors = actors_of(
        "A Chilean defense spokesman said the drills would go ahead. "
        "A British defence spokeswoman said London would watch them."
    )
    assert actors["CHL-MIL"].part_of == "CHL"  # no ministry of Chile is known: its forces
    assert actors["CHL-MIL"].type == "military"
    assert "GBR-MOD" in actors  # the known Ministry of Defence


def test_the_countrys_body_is_the_body_of_the_state_it_points_back_to():
    actors = actors_of(
        "Several Chilean mayors were criticized by Peru and Bolivia last year, "
        "including the speaker of the country’s parliament, Carlos Alberto Mendez."
    )
    assert actors["CHL-PARL"].part_of == "CHL"  # not one of the coordinated pair
    assert not any(a.startswith(("PER-", "BOL-")) for a in actors)
    assert actors["carlos-alberto-mendez"].part_of == "CHL-PARL"


def test_a_person_named_after_a_role_is_part_of_the_body_that_introduced_the_role():
    actors = actors_of(
        "A Chilean navy spokesman said the exercise would go ahead. "
        "“We are ready,” spokesman Carlos Alberto Mendez told reporters in Valparaiso."
    )
    assert actors["carlos-alberto-mendez"].part_of == "CHL-NAVY"  # not only Chile


def test_a_persons_name_does_not_open_with_the_noun_before_it():
    from newsbrief.actors import _trim_common_nouns

    text = "on the messaging platform Q. Dorvan was detained"
    s = text.index("platform")
    e = text.index(" was")
    start, name = _trim_common_nouns(text, s, e)
    assert (start, name) == (text.index("Q."), "Q. Dorvan")
    text = "envoy de Vries arrived"
    assert _trim_common_nouns(text, 0, text.index(" arrived")) == (6, "de Vries")


def test_a_persons_full_name_does_not_open_with_a_capitalised_office():
    from newsbrief.actors import _trim_common_nouns

    text = "the Mayor Lina Coravel arrived"
    start, name = _trim_common_nouns(text, 0, text.index(" arrived"))
    assert (start, name) == (text.index("Lina"), "Lina Coravel")
    text = "Mayor Coravel arrived"  # a surname alone keeps its title
    assert _trim_common_nouns(text, 0, text.index(" arrived")) == (0, "Mayor Coravel")


def test_a_person_the_parser_names_with_a_title_is_the_actor_without_it():
    actors = actors_of("Spokesperson Adrienne Kovalenko said the port would reopen on Friday.")
    assert actors["adrienne-kovalenko"].name == "Adrienne Kovalenko"


def test_aliases_that_differ_only_in_case_are_listed_once():
    from newsbrief.identity import distinct_names

    assert distinct_names(["Border guards", "the Guard", "border guards", "The Guard"]) == (
        "Border guards",
        "the Guard",
    )
    actors = actors_of(
        "Chile said on Monday that the alliance would meet. The alliance met in Lima. "
        "NATO said the alliance agreed."
    )
    nato = actors["NATO"]
    assert len({a.casefold() for a in nato.aliases}) == len(nato.aliases)


def test_a_generational_suffix_keeps_its_stop_and_a_sentence_stop_goes():
    # The name shed the sentence's punctuation, "Jr." with it: "Samuel T. Okafor Jr".
    actors = actors_of(
        "President Samuel T. Okafor Jr. met Chancellor Anna Berg in Lagos on Monday, "
        "and Berg later thanked Okafor Jr., the host. Then she left for Oslo."
    ).values()
    assert {a.name for a in actors if a.type == "person"} == {"Samuel T. Okafor Jr.", "Anna Berg"}


def test_a_title_naming_the_states_force_makes_the_person_part_of_that_force():
    actors = actors_of(
        "The Chilean Navy tested a new frigate off Valparaiso. "
        "Rear Adm. Tomas Lindqvist, Chile's chief of navy, said the test went well."
    )
    person = next(a for a in actors.values() if a.type == "person")
    assert person.part_of == "CHL-NAVY"  # the body he leads, not only its state


def _part_of_pairs(text: str) -> set[tuple[str, str]]:
    a = analyze(source_from_text(text))
    return {(r.source, r.target) for r in a.relations if r.event_class == "PART_OF"}


def test_a_leader_is_part_of_the_one_body_that_speaks_for_an_unnamed_state():
    pairs = _part_of_pairs(
        "The White House hosted a summit on fisheries. "
        "President Joe Biden said the talks went well. Biden thanked the delegates."
    )
    assert ("joe-biden", "USA-WH") in pairs  # the state is named only through its seat


def test_a_body_the_parser_named_by_its_acronym_takes_the_defined_name():
    """ "Harbour Watch's (HW)": the name the text spells out, without its possessive."""
    from newsbrief.acronyms import defined_acronyms
    from newsbrief.model import Unit

    text = "Harbour Watch's (HW) report was read out. HW said the port had reopened."
    unit = Unit(index=0, kind="claim", start=0, end=len(text), text=text)

    def at(word: str, nth: int, entry: Entry, how: str) -> Located:
        start = [i for i in range(len(text)) if text.startswith(word, i)][nth]
        return Located(entry, Mention(0, start, start + len(word), word), how)

    parsed = Entry(id="HW", name="HW", type="organization")
    located = [at("HW", 0, parsed, "ner"), at("HW", 1, parsed, "ner")]
    out = defined_acronyms([unit], located)
    assert {loc.entry.name for loc in out} == {"Harbour Watch"}
    assert [loc.mention.text for loc in out] == ["HW", "HW", "Harbour Watch's"]
    # A gazetteer's entry keeps its own name, even when it is the acronym.
    listed = Entry(id="HW", name="HW", type="organization", aliases=("HW",))
    located = [at("HW", 0, listed, "alias"), at("HW", 1, listed, "alias")]
    assert {loc.entry.name for loc in defined_acronyms([unit], located)} == {"HW"}


@pytest.mark.parametrize(
    ("entity", "name"),
    [
        ("another Harbour Treaty Party", "Harbour Treaty Party"),
        ("every other Harbour Treaty Party", "Harbour Treaty Party"),
        ("the Harbour Council's", "Harbour Council"),
        ("All Progressives Congress", "All Progressives Congress"),
    ],
)
def test_a_determiner_spacy_takes_into_a_name_is_left_out(entity, name):
    from newsbrief.actors import _trim_entity

    text = f"Talks went on with {entity} envoy."
    start = text.index(entity)
    assert _trim_entity(text, start, start + len(entity))[2] == name


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("The Bush administration criticized Peru on Monday.", "USA"),
        ("Peru welcomed the Biden-Harris Administration's offer.", "USA"),
    ],
)
def test_an_administration_named_by_its_heads_surname_is_the_state(text, state):
    """No state's name is written; the administration is the state's government."""
    assert state in actors_of(text)


def test_an_administration_named_by_one_who_never_headed_it_is_no_state():
    """Harris was vice president: the surname names no head of the state's government."""
    assert "USA" not in actors_of("The Harris Administration will review the deal.")


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Chilean extremists attacked the embassy.", "CHL-EXTREMISTS"),
        ("Islamic fundamentalists attacked the embassy.", "ISLAMIC-FUNDAMENTALISTS"),
        ("Chilean guerrillas attacked the embassy.", "CHL-GUERRILLAS"),
    ],
)
def test_armed_or_radical_groups_named_by_who_they_are_are_groups(text, group):
    """Extremists, fundamentalists, guerrillas, militiamen and gunmen are groups of people."""
    assert group in actors_of(text)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Red Cross officials visited Peru on Monday.", "ICRC"),
        ("Chile sent medicine to the Red Crescent on Monday.", "RED-CRESCENT"),
    ],
)
def test_the_red_cross_and_red_crescent_are_bodies_news_names_alone(text, body):
    """News writes the ICRC as the Red Cross; the Red Crescent is its counterpart."""
    assert body in actors_of(text)


@pytest.mark.parametrize(
    ("text", "link"),
    [
        ("President Kowalczyk criticized Russia.", ("kowalczyk", "RUS", "DISAPPROVE")),
        ("President Kowalczyk was criticized by Russia.", ("RUS", "kowalczyk", "DISAPPROVE")),
        ("Russia criticized President Kowalczyk.", ("RUS", "kowalczyk", "DISAPPROVE")),
        (
            "President Kowalczyk arrived on Monday and criticized Russia.",
            ("kowalczyk", "RUS", "DISAPPROVE"),
        ),
    ],
)
def test_a_state_a_titled_persons_verb_acts_on_or_that_acts_on_them_is_not_theirs(text, link):
    actors, links = actors_and_links(text)
    assert actors["kowalczyk"].part_of is None
    assert link in links


def test_a_state_sending_something_to_a_titled_person_is_not_their_state():
    assert actors_of("Russia sent a letter to President Kowalczyk.")["kowalczyk"].part_of is None
    assert actors_of("Russia gave President Kowalczyk a medal.")["kowalczyk"].part_of is None


def test_a_state_that_places_a_titled_person_is_still_their_state():
    actors, links = actors_and_links("Russian President Kowalczyk criticized Ukraine.")
    assert actors["kowalczyk"].part_of == "RUS"
    assert ("kowalczyk", "UKR", "DISAPPROVE") in links
    actors = actors_of("Ivan Kowalczyk, Russia's president, said the talks failed.")
    assert actors["ivan-kowalczyk"].part_of == "RUS"
    actors = actors_of("President Kowalczyk of Russia criticized Ukraine.")
    assert actors["kowalczyk"].part_of == "RUS"


@pytest.mark.parametrize(
    "text",
    [
        "Kowalczyk, Chile's defense minister, said the drills would continue.",
        "Chile's defense minister, Kowalczyk, said the drills would continue.",
        "Kowalczyk, a Chilean senator, said the drills would continue.",
    ],
)
def test_a_bare_surname_in_apposition_to_a_title_is_a_person_of_its_state(text):
    """Either order of name and title names one person, placed in the title's state."""
    actors = actors_of(text)
    assert actors["kowalczyk"].type == "person"
    assert actors["kowalczyk"].part_of == "CHL"


@pytest.mark.parametrize(
    "text",
    [
        "Novak, Serbia's foreign minister, criticized Croatia on Monday.",
        "Serbia's foreign minister, Novak, criticized Croatia on Monday.",
    ],
)
def test_a_surname_the_tagger_takes_for_a_body_or_place_is_a_person_beside_a_title(text):
    """spaCy labels this "Novak" GPE or ORG; set off by a title it can only be a name."""
    actors, links = actors_and_links(text)
    assert actors["novak"].type == "person"
    assert actors["novak"].part_of == "SRB"
    assert ("novak", "HRV", "DISAPPROVE") in links


def test_a_bare_surname_in_apposition_to_no_title_is_no_person():
    assert "kowalczyk" not in actors_of("Kowalczyk, a small town, said the drills would continue.")


def test_also_known_as_after_a_known_surname_is_that_person():
    """The surname was named a person by its title first: the alias joins it, not the reverse."""
    text = (
        "The army said it killed the militia's top commander, Kowalczyk. "
        "The army said Kowalczyk, also known as Abu Karim Selim, led the raid on the depot."
    )
    actors = actors_of(text)
    assert "abu-karim-selim" not in actors
    assert [m.text for m in actors["kowalczyk"].mentions] == [
        "Kowalczyk",
        "Kowalczyk",
        "Abu Karim Selim",
    ]


def test_a_titled_person_takes_the_articles_state_only_when_it_names_no_other():
    """With a second state named, the official could serve either: no guess."""
    one = "Chile raised its fuel taxes on Monday. Chile had cut them in May. "
    two = "Chile raised its fuel taxes on Monday after talks with Peru. Chile had cut them in May. "
    said = "Foreign Minister Kowalczyk said the taxes would stay."
    assert actors_of(one + said)["kowalczyk"].part_of == "CHL"
    assert actors_of(two + "Chile will review them. " + said)["kowalczyk"].part_of is None
