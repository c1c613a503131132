//! Behaviour of the per-document pipeline on short reports written for these tests.

use sitrep::{ClaimKind, DocResult, Document, Pipeline, Qualifier};

fn run(text: &str) -> DocResult {
    Pipeline::new().process(&Document::from_text("t", text))
}

fn run_published(text: &str, published: &str) -> DocResult {
    let mut d = Document::from_text("t", text);
    d.published = Some(published.to_string());
    Pipeline::new().process(&d)
}

/// (kind, low, high) of every claim, in event order.
fn claims(r: &DocResult) -> Vec<(ClaimKind, u64, Option<u64>)> {
    r.events.iter().flat_map(|e| e.claims.iter().map(|c| (c.kind, c.low, c.high))).collect()
}

fn killed(r: &DocResult) -> Option<u64> {
    r.events.first().and_then(|e| e.fatalities).map(|t| t.best)
}

fn injured(r: &DocResult) -> Option<u64> {
    r.events.first().and_then(|e| e.injuries).map(|t| t.best)
}

#[test]
fn passive_with_coordinated_injured() {
    let r = run("Twelve soldiers were killed and six wounded in an ambush near the border.");
    assert_eq!(claims(&r), vec![(ClaimKind::Killed, 12, Some(12)), (ClaimKind::Injured, 6, Some(6))]);
}

#[test]
fn active_forms_with_qualifier() {
    let r = run("A car bomb exploded outside the market, killing at least 9 people and wounding 27 others.");
    let c = &r.events[0].claims;
    assert_eq!((c[0].kind, c[0].low, c[0].high, c[0].qualifier), (ClaimKind::Killed, 9, None, Qualifier::AtLeast));
    assert_eq!((c[1].kind, c[1].low), (ClaimKind::Injured, 27));
    assert_eq!(r.events[0].event_type.as_deref(), Some("Explosions/Remote violence"));
}

#[test]
fn result_and_lives_forms() {
    assert_eq!(claims(&run("The shelling left 5 dead and 14 injured.")), vec![(ClaimKind::Killed, 5, Some(5)), (ClaimKind::Injured, 14, Some(14))]);
    assert_eq!(claims(&run("The blast claimed 30 lives.")), vec![(ClaimKind::Killed, 30, Some(30))]);
    assert_eq!(claims(&run("The raid claimed the lives of eleven villagers.")), vec![(ClaimKind::Killed, 11, Some(11))]);
}

#[test]
fn death_toll_is_cumulative_and_sourced() {
    let r = run("The death toll from the bombing rose to 40, hospital officials said.");
    let c = &r.events[0].claims[0];
    assert_eq!((c.kind, c.low), (ClaimKind::Killed, 40));
    assert!(c.cumulative);
    assert_eq!(c.source.as_deref(), Some("hospital officials"));
    assert_eq!(killed(&r), Some(40));
}

#[test]
fn list_forms_in_a_headline() {
    let r = run("Two killed, three hurt in grenade attack on bus station\n\nThe grenade was thrown from a motorbike.");
    assert_eq!(claims(&r), vec![(ClaimKind::Killed, 2, Some(2)), (ClaimKind::Injured, 3, Some(3))]);
}

#[test]
fn partitive_coordination_and_source() {
    let r = run("The rebels said that two of their fighters were killed and 11 wounded on the front line.");
    let c = &r.events[0].claims;
    assert_eq!(claims(&r), vec![(ClaimKind::Killed, 2, Some(2)), (ClaimKind::Injured, 11, Some(11))]);
    assert_eq!(c[0].source.as_deref(), Some("The rebels"));
    assert_eq!(c[0].victims.as_deref(), Some("of their fighters"));
    // The span is a real slice of the text.
    let text = "The rebels said that two of their fighters were killed and 11 wounded on the front line.";
    assert_eq!(&text[c[0].span[0]..c[0].span[1]], c[0].text);
}

#[test]
fn negation_gives_zero() {
    let r = run("A rocket struck an empty warehouse on the edge of the city. No one was hurt, police said.");
    assert_eq!(claims(&r), vec![(ClaimKind::Injured, 0, Some(0))]);
    assert_eq!(injured(&r), Some(0));
    let r = run("Militants fired mortars at the base but there were no casualties.");
    assert_eq!(killed(&r), Some(0));
    assert_eq!(injured(&r), Some(0));
}

#[test]
fn not_claims() {
    let text = "A 14-year-old boy was among the crowd. Officials estimate there are 4,000 to 6,000 militants in the province. \
                Troops seized 12 vehicles 30 km south of the city in 2019, worth $5 million. Call 555-0192 at 10:30 am.";
    assert!(claims(&run(text)).is_empty(), "{:?}", claims(&run(text)));
}

#[test]
fn campaign_totals_are_kept_apart() {
    let r = run("Three soldiers were killed on the front line. The offensive has so far left 212 soldiers dead, according to the army.");
    assert_eq!(killed(&r), Some(3));
    let last = r.events.last().map(|e| &e.claims[0]);
    assert_eq!(last.map(|c| (c.low, c.cumulative)), Some((212, true)));
    assert_eq!(last.and_then(|c| c.source.as_deref()), Some("the army"));
}

#[test]
fn singular_victims() {
    assert_eq!(killed(&run("A policeman was shot dead at a checkpoint on Friday.")), Some(1));
    assert_eq!(killed(&run("Gunmen shot dead a village elder outside his home.")), Some(1));
}

#[test]
fn restatement_and_addition() {
    let r = run("Five people were killed when gunmen opened fire on a bus. The five victims were all traders.");
    assert_eq!(killed(&r), Some(5));
    let r = run("Two soldiers were killed in the ambush. A civilian was also killed.");
    assert_eq!(killed(&r), Some(3));
    let r = run("Three soldiers and two civilians were killed in the attack.");
    assert_eq!(killed(&r), Some(5));
}

#[test]
fn subsets_do_not_add() {
    let r = run("At least 20 people were killed, including five children, when the market was shelled.");
    assert_eq!(killed(&r), Some(20));
}

#[test]
fn vague_quantities() {
    let r = run("Seven people were killed and dozens were wounded in the blast.");
    assert_eq!(claims(&r), vec![(ClaimKind::Killed, 7, Some(7)), (ClaimKind::Injured, 12, None)]);
}

#[test]
fn perpetrator_adds_to_the_total() {
    let r = run("A suicide bomber killed nine people at a wedding in addition to himself.");
    assert_eq!(killed(&r), Some(10));
}

#[test]
fn relative_date_against_published() {
    // 2022-03-17 is a Thursday; "on Tuesday" is 2022-03-15.
    let r = run_published("Four police officers were killed in an ambush on Tuesday, officials said.", "2022-03-17");
    let d = r.events[0].date.as_ref().map(|d| (d.start.as_str(), d.precision));
    assert_eq!(d, Some(("2022-03-15", sitrep::DatePrecision::Day)));
    assert_eq!(r.published.as_deref(), Some("2022-03-17"));
}

#[test]
fn other_kinds() {
    let r = run("Police arrested 23 protesters after the rally. Gunmen kidnapped 14 passengers from a bus, and 3 people are still missing.");
    let k = claims(&r);
    assert!(k.contains(&(ClaimKind::Arrested, 23, Some(23))), "{k:?}");
    assert!(k.contains(&(ClaimKind::Captured, 14, Some(14))), "{k:?}");
    assert!(k.contains(&(ClaimKind::Missing, 3, Some(3))), "{k:?}");
}

#[test]
fn struck_by_gunfire_less_the_dead_are_injured() {
    let r = run("Four people were shot outside a nightclub early Sunday. One of them died at the hospital.");
    assert_eq!(killed(&r), Some(1));
    assert_eq!(injured(&r), Some(3));
    assert!(r.events[0].claims.iter().any(|c| c.struck && c.low == 4));
    // A wound that is not fatal: "was shot" alone is an injury.
    let r = run("A 9-year-old girl was shot in the leg while playing in her yard.");
    assert_eq!((killed(&r), injured(&r)), (None, Some(1)));
}

#[test]
fn hypotheses_and_ambiguous_casualties_are_not_claims() {
    assert!(claims(&run("Doctors said that if the patient dies, the charge will become murder.")).is_empty());
    // "killed or wounded" gives no figure for either kind.
    assert!(claims(&run("Several soldiers were killed or wounded in the fighting.")).is_empty());
}

#[test]
fn single_people_listed_with_a_figure() {
    assert_eq!(killed(&run("An army officer and two militants were killed in the gunfight.")), Some(3));
    assert_eq!(killed(&run("Four rebels and a police inspector were killed in an exchange of fire.")), Some(5));
    // A whole clause before "and" is no list.
    let r = run("One person was killed and one injured in the attack.");
    assert_eq!((killed(&r), injured(&r)), (Some(1), Some(1)));
}

#[test]
fn killings_that_are_the_reason_for_a_protest_are_background() {
    let r = run("Hundreds of students protested in the capital against the killing of two activists last week.");
    assert_eq!(killed(&r), None);
    assert_eq!(r.events[0].event_type.as_deref(), Some("Protests"));
}

#[test]
fn names_with_appositions_and_titles() {
    assert_eq!(killed(&run("Jane Doe, the teenage granddaughter of a city councillor, was shot to death on Friday.")), Some(1));
    assert_eq!(killed(&run("Police Officer John Roe was shot and killed during a traffic stop.")), Some(1));
    // The same person named three ways is one person.
    let r = run("Marcus Lee Tate was killed in the shooting. Marcus died at the scene. Officers said Marcus Tate had no weapon.");
    assert_eq!(killed(&r), Some(1));
}

#[test]
fn post_modifiers_and_asides_between_victims_and_verb() {
    assert_eq!(killed(&run("At least 16 members of a village defence group have been killed in the north.")), Some(16));
    assert_eq!(killed(&run("Nine civilians from the same family, mostly women and children, were killed in the raid.")), Some(9));
    assert_eq!(killed(&run("Fourteen people, including the bomber, died in the attack.")), Some(14));
    // A figure inside the phrase is part of it.
    assert_eq!(killed(&run("Twelve members of two families were killed in the air raid.")), Some(12));
}

#[test]
fn hospital_and_gunshot_forms_count_as_hurt() {
    let r = run("Five people, including an infant, were rushed to the hospital after the drive-by shooting.");
    assert_eq!(injured(&r), Some(5));
    // The gunman's own death is not among those he shot.
    let r = run("The gunman shot a 9-year-old girl and her mother before he fatally shot himself.");
    assert_eq!((killed(&r), injured(&r)), (Some(1), Some(2)));
}

#[test]
fn running_total_alone_is_the_incident_figure() {
    let r = run("Clashes between the two communities have claimed 17 lives in the past week, officials said.");
    assert_eq!(killed(&r), Some(17));
    assert!(r.events[0].claims[0].cumulative);
}

#[test]
fn coder_notes_decide_the_total() {
    let r = run("On 2 May 2020, militants attacked a checkpoint, killing 3 soldiers. Fatalities coded as 0 (local media reported 3).");
    assert_eq!(killed(&r), Some(0));
}

#[test]
fn perpetrators_inside_or_beside_the_figure() {
    // Counted inside the figure: not added again.
    let r = run("Nine people, including the bomber, were killed. The bomber was killed instantly.");
    assert_eq!(killed(&r), Some(9));
    // Counted beside it.
    let r = run("In addition to the two bombers, at least six soldiers were killed in the blasts.");
    assert_eq!(killed(&r), Some(8));
}

#[test]
fn partitives_and_lists_count_once() {
    // "one of three related attacks" counts attacks, not people.
    assert_eq!(killed(&run("In one of three related attacks, at least one person was killed.")), Some(1));
    assert_eq!(killed(&run("Six police officers and one civilian were killed in the ambush.")), Some(7));
    // The same man, with and without his title.
    assert_eq!(killed(&run("John Okafor, a local trader, was shot and killed. Gunmen fired at Mr. Okafor from a car.")), Some(1));
}

#[test]
fn deaths_among_the_hurt() {
    let r = run("Police say four people were shot, one fatally, at a park late Wednesday.");
    assert_eq!((killed(&r), injured(&r)), (Some(1), Some(3)));
    let r = run("Five people were injured in the drive-by shooting. One of the five people hospitalized has died.");
    assert_eq!((killed(&r), injured(&r)), (Some(1), Some(4)));
}

#[test]
fn a_figure_belongs_to_the_verb_beside_it() {
    let r = run("Militias clashed in the capital, killing at least 30 and wounding at least 90, including two teenagers who were killed by a rocket.");
    assert_eq!((killed(&r), injured(&r)), (Some(30), Some(90)));
    // A breakdown after a comma is part of the figure.
    assert_eq!(killed(&run("An air raid hit a building, killing at least 14 people, six of them children.")), Some(14));
    // Alternatives for one group are not added, and a guess gives way to a stated figure.
    assert_eq!(killed(&run("Thirty-eight were killed, but the death toll could be closer to 50.")), Some(38));
}

#[test]
fn people_harmed_together() {
    assert_eq!(killed(&run("An armoured vehicle smashed into a home, killing a mother and four children.")), Some(5));
    assert_eq!(killed(&run("A local leader was killed along with his wife, his mother-in-law and his driver.")), Some(4));
    // "others" after an earlier figure are more people.
    assert_eq!(killed(&run("A tribal elder was killed by a bomb planted in his car. The explosion killed four others.")), Some(5));
    assert_eq!(killed(&run("Three villagers were killed on Saturday. Five other people were killed on Sunday nearby.")), Some(8));
}

#[test]
fn injuries_sustained_a_few_words_on() {
    let r = run("Four other teenagers, ages 13 to 17, sustained what police say are non-life threatening injuries.");
    assert_eq!(injured(&r), Some(4));
}

#[test]
fn definite_singles_and_perpetrators_beside_figures() {
    assert_eq!(killed(&run("The assailant and four soldiers were killed in the attack.")), Some(5));
    assert_eq!(killed(&run("The blast left three passengers and the perpetrator dead.")), Some(4));
    assert_eq!(killed(&run("Two civilians and both assailants were killed in the assault.")), Some(4));
    let r = run("Three suicide bombers detonated prematurely near the town. There were no reported casualties other than the assailants.");
    assert_eq!(killed(&r), Some(3));
    let r = run("Two police officers were killed in the firefight. In addition, one of the assailants detonated a vest, killing a civilian.");
    assert_eq!(killed(&r), Some(3));
}

#[test]
fn attackers_who_killed_are_not_victims() {
    let r = run("Four gunmen killed one police officer at the gate. A civilian neighbour was also killed.");
    assert_eq!(killed(&r), Some(2));
}

#[test]
fn possessive_subjects() {
    let r = run("The attackers hit the house. Daharia's mother was killed and his father was injured in the assault.");
    assert_eq!((killed(&r), injured(&r)), (Some(1), Some(1)));
}

#[test]
fn capitalised_names_possessors_and_antecedents() {
    // "States" in a name is not the verb "states".
    assert_eq!(killed(&run("Six United States soldiers were killed in the blast.")), Some(6));
    assert_eq!(killed(&run("Gunmen fired on a former lawmaker, killing his two security guards and one police officer.")), Some(3));
    assert_eq!(killed(&run("The tribal elder's nephew and driver were killed in the attack.")), Some(2));
    let r = run("Assailants abducted two police officers near the port. Authorities found the bodies of the officers on Friday.");
    assert_eq!(killed(&r), Some(2));
}

#[test]
fn units_after_figures_and_earlier_deaths() {
    assert!(claims(&run("Two years ago the town was quiet.")).is_empty());
    let r = run("A 7-year-old boy was struck by a stray bullet on Monday. Two years ago 12-year-old Jane Roe was killed by a stray bullet nearby.");
    // The earlier death does not turn the boy's wound into a death.
    assert_eq!(injured(&r), Some(1));
}

#[test]
fn left_one_person_dead_or_hurt() {
    let r = run("Deputies are investigating a shooting near the park that left a teenager injured on Tuesday afternoon.");
    assert_eq!(claims(&r), vec![(ClaimKind::Injured, 1, Some(1))]);
    let r = run("The blast left a 12-year-old dead, police said.");
    assert_eq!(killed(&r), Some(1));
    // Not a person: no claim.
    let r = run("The storm left a building damaged.");
    assert!(claims(&r).is_empty());
}

#[test]
fn a_babys_age_in_months_is_not_a_count() {
    let r = run("A nine-month-old girl and her grandfather were shot and killed outside a shop in Dayton on Friday.");
    assert_eq!(killed(&r), Some(2));
    let r = run("A 7-month-old infant and a woman were killed when gunmen fired into the house.");
    assert_eq!(killed(&r), Some(2));
    assert!(claims(&r).iter().all(|c| c.1 != 7));
}

#[test]
fn a_partitive_clause_counts_its_own_part() {
    // The group was shot; only the part died.
    let r = run("A gunman shot three men outside a bar in Akron, two of whom died at the scene.");
    assert_eq!(killed(&r), Some(2));
    assert_eq!(injured(&r), Some(1));
    // A breakdown of the dead is not a second group.
    let r = run("Five people, two of whom were children, were killed in the blast.");
    assert_eq!(killed(&r), Some(5));
}

#[test]
fn a_holiday_after_the_verb_is_not_its_object() {
    let r = run("The sheriff on Sunday named the three people killed Christmas Eve at a farmhouse near Wilson.");
    assert_eq!(killed(&r), Some(3));
}

#[test]
fn the_incident_date_is_not_the_arrest_date() {
    let r = run_published(
        "Deputies arrested two men Thursday in connection with a shooting last Saturday that wounded three people outside a bar in Ocala.",
        "2023-05-19",
    );
    let e = &r.events[0];
    assert_eq!(e.date.as_ref().map(|d| d.start.as_str()), Some("2023-05-13"));
}

#[test]
fn a_figure_of_an_earlier_year_is_background() {
    let r = run_published(
        "A 4-year-old boy was killed when he found a loaded handgun in a bedroom in Macon on Monday. \
         According to a national survey, more than 300 children died in 2019 from accidental shootings.",
        "2022-08-10",
    );
    assert_eq!(killed(&r), Some(1));
}

#[test]
fn a_later_death_of_the_wounded_joins_the_incident() {
    let r = run_published(
        "A woman was wounded in a shooting outside a convenience store in Dayton on Saturday night. \
         Police said the gunman fled in a gray sedan. \
         She died on Tuesday at Miami Valley Hospital, a police spokesman said.",
        "2023-05-17",
    );
    assert_eq!(killed(&r), Some(1));
    assert_eq!(injured(&r), Some(0));
}

#[test]
fn a_death_of_the_injured_leaves_the_injured_total() {
    let r = run("A man was injured in a shooting on Elm Street on Sunday. He died at the hospital hours later.");
    assert_eq!(killed(&r), Some(1));
    assert_eq!(injured(&r), Some(0));
}

#[test]
fn a_single_victim_after_the_wire_placeline() {
    let r = run("SPRINGFIELD, Ill. (AP) – A teenager who was caught in crossfire outside a gas station on Friday has died, according to the county coroner.");
    assert_eq!(killed(&r), Some(1));
}

#[test]
fn a_surname_with_an_adverb_before_died() {
    let r = run("Two men were shot outside a bar on Main Street early Sunday. Thompson later died at a hospital.");
    assert_eq!(killed(&r), Some(1));
    assert_eq!(injured(&r), Some(1));
}

#[test]
fn a_manner_adverb_stands_between_victim_and_passive() {
    let r = run("A 9-year-old girl was accidentally shot in the arm at a home in Fairview late Saturday.");
    assert_eq!(injured(&r), Some(1));
    // Without an auxiliary the verb is active: the shooter is no victim.
    let r = run("Two boys are hospitalized with gunshot wounds after a third boy accidentally shot them in a garage, deputies said.");
    assert_eq!(claims(&r), vec![(ClaimKind::Injured, 2, Some(2))]);
}

#[test]
fn the_victim_after_police_say() {
    let r = run("Police say the child was shot at an apartment complex on Oak Street around 9:30 p.m. Tuesday.");
    assert_eq!(injured(&r), Some(1));
}

#[test]
fn struck_and_wounded_share_the_auxiliary() {
    let r = run("A 7-year-old boy was struck and wounded by a bullet Monday evening inside a home on Pine Street.");
    assert_eq!(injured(&r), Some(1));
}

#[test]
fn an_ordinal_death_after_an_earlier_one_adds_to_nothing() {
    let r = run(
        "A second activist has been killed in the same township where the first one died two weeks ago. \
         The body of Mario Quintero, a community organizer, was found Wednesday near the river, prosecutors said.",
    );
    assert_eq!(killed(&r), Some(1));
}

#[test]
fn they_refers_to_the_group_named_before() {
    let r = run("Two men were shot outside a liquor store on Fifth Avenue late Friday. They were taken to Mercy Hospital, where they were later pronounced dead.");
    assert_eq!(killed(&r), Some(2));
    assert_eq!(injured(&r), Some(0));
    let r = run("Both men were transported to a hospital downtown, where they died early Saturday, police said.");
    assert_eq!(killed(&r), Some(2));
}

#[test]
fn the_killing_of_another_in_a_legal_definition_names_nobody() {
    let r = run(
        "A 24-year-old man was shot and killed outside a nightclub on Saturday. \
         Under state law, second-degree murder is the knowing killing of another.",
    );
    assert_eq!(killed(&r), Some(1));
}

#[test]
fn a_list_of_named_victims_counts_each_name() {
    let r = run("Investigators say a drive-by shooting on Lake Street killed Rosa Delgado, 23, and Marcus Bell, 19, on Thursday afternoon.");
    assert_eq!(killed(&r), Some(2));
    let r = run("A gunman killed Peter Lang and Ana Ortiz outside a bakery on Sunday.");
    assert_eq!(killed(&r), Some(2));
}

#[test]
fn the_victim_is_the_object_of_a_reporting_verb() {
    let r = run("Detectives on Tuesday identified the young man who was shot to death behind a laundromat on Ninth Street.");
    assert_eq!(killed(&r), Some(1));
    let r = run("A toddler was wounded in a shooting at a house party on Saturday. Relatives confirmed Monday the toddler has died.");
    assert_eq!(killed(&r), Some(1));
    assert_eq!(injured(&r), Some(0));
}

#[test]
fn pronounced_clinically_dead_is_a_death() {
    let r = run("A 30-year-old man shot during a robbery at a gas station was pronounced clinically dead at a hospital on Friday.");
    assert_eq!(killed(&r), Some(1));
}

#[test]
fn named_people_left_dead() {
    let r = run("Police said the shooting on Harper Avenue left Carlos Vega, 27, and Dana Whitfield, 31, dead.");
    assert_eq!(killed(&r), Some(2));
    assert_eq!(injured(&r), None);
}

#[test]
fn a_name_before_its_age_and_home_town() {
    let r = run("According to the sheriff's office, Tyler Brandt, 17, of Riverton, died Thursday after being shot in the chest on Tuesday.");
    assert_eq!(killed(&r), Some(1));
}

#[test]
fn a_deadly_shooting_is_at_least_one_death() {
    let r = run("Deputies are looking for a man they want to question about a deadly shooting early Wednesday on Route 9.");
    assert_eq!(killed(&r), Some(1));
    // A stated figure replaces it.
    let r = run("Deputies are investigating a deadly shooting on Route 9. Three men were killed, a spokesman said.");
    assert_eq!(killed(&r), Some(3));
}

#[test]
fn one_of_the_victims_who_later_died() {
    let r = run("Five people were shot outside a nightclub on Saturday. One of the victims, who was shot in the neck, later died at a hospital, police said.");
    assert_eq!(killed(&r), Some(1));
    assert_eq!(injured(&r), Some(4));
}

#[test]
fn a_single_victim_with_a_relative_clause_died() {
    let r = run("A teenager who was caught in crossfire outside a gas station died at the scene, police said.");
    assert_eq!(killed(&r), Some(1));
}

#[test]
fn office_holders_relative_clauses_and_along_with_figures() {
    // The head of a noun phrase is the noun before its first preposition.
    assert_eq!(killed(&run("Police said the director of a local radio station was shot and killed on Monday.")), Some(1));
    assert_eq!(killed(&run("Gunmen shot and killed the head of the provincial education department.")), Some(1));
    assert_eq!(killed(&run("A senior adviser to the ruling party was shot dead outside the airport.")), Some(1));
    // A relative clause's verb describes the victims; the main verb is the claim.
    assert_eq!(claims(&run("Around 10 soldiers who had been detained were killed during an attack on their convoy.")), vec![(ClaimKind::Killed, 10, Some(10))]);
    assert_eq!(killed(&run("Three men who were wounded in the blast later died.")), Some(3));
    assert_eq!(killed(&run("Four men who were kidnapped on Monday were found dead.")), Some(4));
    // "found" before the victims' own predicate is an auxiliary.
    assert_eq!(killed(&run("Five people were found burned to death in a truck outside the capital.")), Some(5));
    // A figure after "along with" adds its people.
    assert_eq!(killed(&run("The district governor was killed along with eight others in an ambush overnight.")), Some(9));
    // A relative clause that ends the victims' phrase is not skipped past a new clause.
    assert_eq!(claims(&run("Two officers who were shot in the leg were taken to hospital.")), vec![(ClaimKind::Injured, 2, Some(2))]);
}

#[test]
fn an_age_before_a_named_victim() {
    let r = run("Police charged a man in connection with the fatal shooting of 15-year-old Jane Doe.");
    assert_eq!(killed(&r), Some(1));
    let c = r.events.iter().flat_map(|e| &e.claims).find(|c| c.kind == ClaimKind::Killed).expect("a claim");
    // The evidence ends with the name, not the full stop.
    assert!(c.text.ends_with("Jane Doe"), "{:?}", c.text);
    assert_eq!(killed(&run("Gunmen killed 6-month-old John Roe and wounded his mother.")), Some(1));
}

#[test]
fn long_subjects_participles_and_relative_clauses() {
    // A subject longer than eight words, when it opens with one person's noun and "of".
    assert_eq!(killed(&run("A member of the right-leaning Liberal Democratic Alliance Party was killed in the northern town.")), Some(1));
    assert_eq!(killed(&run("The owner of a small shop in the old district of the northern city was shot dead on Monday.")), Some(1));
    // Without such an opening the long subject is not read as one person.
    assert_eq!(killed(&run("Rockets fired at dawn by rebels hiding in the hills above the town were intercepted and a boy was killed.")), Some(1));
    // A participle with its preposition modifies the victims.
    assert_eq!(killed(&run("Four engineers involved in the construction of the new dam (a joint venture of two firms) have been killed.")), Some(4));
    assert_eq!(killed(&run("Five soldiers stationed at the border post were killed overnight.")), Some(5));
    // A past-tense main verb and its object are not a modifier.
    assert_eq!(killed(&run("Three militants attacked soldiers who were killed.")), None);
    // A relative clause after a noun inside the modifier.
    assert_eq!(killed(&run("Six elders of the camp that houses displaced families near the border were killed on Monday.")), Some(6));
    // The "that" of a verb of saying starts another clause.
    assert_eq!(killed(&run("Five members of the group claimed that soldiers were killed.")), None);
}

#[test]
fn families_bodies_and_absolute_phrases() {
    assert_eq!(killed(&run("The rocket killed a family of four in their home.")), Some(4));
    // An indefinite body found is one death; a later "another body" adds one.
    assert_eq!(killed(&run("A charred body found near the highway was identified as a local reporter.")), Some(1));
    assert_eq!(killed(&run("Police found the bodies of six men in a house. Another body had already been taken to the morgue.")), Some(7));
    // "his body" is the body of someone already reported; a body camera is not a body.
    assert_eq!(killed(&run("John Roe was shot dead on Monday. His body was found in a ditch.")), Some(1));
    assert_eq!(killed(&run("Officers wore a body camera during the raid.")), None);
    // "with the village chief killed": one person in an absolute phrase.
    assert_eq!(killed(&run("Militiamen attacked the town, with the village chief killed at the market.")), Some(1));
}

#[test]
fn second_victims_after_an_of_phrase_headlines_and_to_death() {
    // A second victim joined after the object's "of" phrase.
    assert_eq!(killed(&run("Gunmen killed a local leader of the ruling People's Party and his brother.")), Some(2));
    assert_eq!(killed(&run("Unknown gunmen killed the son of the council chairwoman, and a woman who was with him.")), Some(2));
    // A headline's bare subject is one person.
    assert_eq!(killed(&run("Local government official has been shot and killed by men armed with pistols.")), Some(1));
    // A verb of injury before "to ... death" is a killing.
    assert_eq!(killed(&run("Twenty villagers were hacked to untimely death over a land dispute.")), Some(20));
}

#[test]
fn companions_blown_up_and_relative_killers() {
    // Relations are people: "and his friend", "along with his partner".
    assert_eq!(killed(&run("The group claimed the killing of a rights activist and his friend, who were hacked to death on Monday.")), Some(2));
    assert_eq!(killed(&run("A reporter was shot dead at his family home along with his partner over the weekend.")), Some(2));
    // "blown up" kills a person, not a building.
    assert_eq!(killed(&run("Abdul Rahman, a deputy imam of the mosque, was blown up in his own car.")), Some(1));
    assert_eq!(killed(&run("A government-run boys school was blown up by militants overnight.")), None);
    // A relative clause's active verb: the boy did the shooting, his friend died.
    let r = run("Police arrested a 13-year-old boy who accidentally shot and killed one of his friends.");
    assert_eq!(killed(&r), Some(1));
    assert_eq!(claims(&r).iter().filter(|c| c.0 == ClaimKind::Killed).count(), 1);
}

#[test]
fn a_pronoun_after_one_person_in_the_sentence_is_that_person() {
    let r = run("An election official was shot dead in his car on Monday, and a party outlet said he was killed because he planned to expose fraud.");
    assert_eq!(killed(&r), Some(1));
    // Two people in one sentence still add up.
    assert_eq!(killed(&run("A farmer was shot dead and a shepherd was killed nearby.")), Some(2));
}

#[test]
fn long_appositions_initials_throats_and_attempts() {
    // A name before a long apposition with a parenthesis.
    assert_eq!(killed(&run("Abdullahi, the state chair of the Northern Cattle Breeders Association of Borno (NCBAB), was killed in the attack.")), Some(1));
    // An initial inside a name after an active verb.
    assert_eq!(killed(&run("Two insurgents shot and killed Yusuf A. Warsame, the senior adviser to the speaker, near his home.")), Some(1));
    assert_eq!(killed(&run("Around ten attackers slit the throats of four shepherds on a farm.")), Some(4));
    // An act aimed at is no claim.
    assert_eq!(killed(&run("He detonated explosives in an attempt to kill the deputy minister.")), None);
    assert_eq!(killed(&run("Militants tried to kill five soldiers but failed.")), None);
}

#[test]
fn time_phrases_commas_and_list_asides_before_the_verb() {
    // A time adverbial between an active verb and its object.
    assert_eq!(killed(&run("A rights group blamed the militia for killing on March 3 at least 14 herders who fled the camp.")), Some(14));
    assert_eq!(killed(&run("Soldiers killed on Sunday night three smugglers near the border.")), Some(3));
    assert_eq!(killed(&run("Gunmen shot dead last night four traders at a market.")), Some(4));
    // Commas around a qualifier.
    assert_eq!(killed(&run("Riots spread to the capital, leading to the death of, at least, nine people.")), Some(9));
    // A protest's grievance stays background; a protest's result does not.
    assert_eq!(killed(&run("Students protested in the capital against the bombing that resulted in the death of 31 pilgrims.")), None);
    // A list aside that runs into a bare participle.
    assert_eq!(killed(&run("The district saw at least 38 people, mostly women and children killed by raiders from the hills.")), Some(38));
}

#[test]
fn number_of_the_dead_and_second_objects() {
    // "the number of people killed ... rose to / is N" is a toll.
    assert_eq!(killed(&run("The number of people killed in the weekend raids rose to 64, officials said.")), Some(64));
    // The subject "the number of people who were killed" is the toll's, not a restatement of
    // the people counted before.
    let r = run("More than 50 people lost their lives. The number of people who were killed on both sides is 57.");
    assert_eq!(claims(&r).iter().filter(|c| c.0 == ClaimKind::Killed).map(|c| c.1).collect::<Vec<_>>(), vec![50, 57]);
    assert_eq!(injured(&run("The number of wounded stood at 38 on Tuesday.")), Some(38));
    // "killed and wounded": the figure is the first kind's.
    let r = run("The number of people killed and wounded in the feud has risen to 19.");
    assert_eq!((killed(&r), injured(&r)), (Some(19), None));
    // A second object after a conjoined noun or the first object's place shares the verb.
    assert_eq!(killed(&run("Two bombers struck a depot, killing 9 Iraqi guards and drivers and three Jordanian engineers.")), Some(12));
    assert_eq!(killed(&run("Militants killed 7 policemen in Quetta and five civilians in Turbat.")), Some(12));
    // A year after "and" is no object.
    assert_eq!(killed(&run("Militants killed 7 policemen in Quetta and 2019 was the worst year.")), Some(7));
}

#[test]
fn bringing_the_toll_since_a_day_is_a_running_total() {
    // The new deaths are the incident's; the toll "since Thursday" is the campaign's.
    let r = run("At least 17 people were killed in fresh clashes between herders and farmers on Sunday, bringing the death toll since Thursday to more than 40.");
    assert_eq!(killed(&r), Some(17));
    // Without "since", the toll is the incident's own, and the increment is not a running total.
    let r = run("Three more bodies were pulled from the rubble on Monday, bringing the death toll from the blast to 28.");
    assert_eq!(killed(&r), Some(28));
    let first = &r.events[0].claims[0];
    assert_eq!(first.low, 3);
    assert!(!first.cumulative);
}

#[test]
fn one_person_sustained_injuries() {
    assert_eq!(injured(&run("Gunmen fired on a minibus near the market. The driver sustained minor injuries.")), Some(1));
    assert_eq!(injured(&run("A pedestrian suffered non-life-threatening injuries in the exchange of fire.")), Some(1));
    // No injuries is a zero, and a figure keeps its own count.
    assert_eq!(injured(&run("The guard sustained no injuries in the blast.")), Some(0));
    assert_eq!(injured(&run("Four traders sustained serious injuries.")), Some(4));
}

#[test]
fn a_single_victim_named_as_background_is_not_this_incident() {
    // The grievance of a protest, an anniversary: background, as for figures.
    assert_eq!(killed(&run("Students protested against the killing of a classmate by police last year.")), None);
    assert_eq!(killed(&run("A bomb killed 11 worshippers who were marking the anniversary of the death of a revered cleric.")), Some(11));
    // Mourners mourn the news itself; bodies found are the news whatever the date beside them.
    assert_eq!(killed(&run("Residents of the port town are mourning the shooting death of a fisherman.")), Some(1));
    assert_eq!(killed(&run("05/02/2014: Assailants abducted a farmer. Police found the body of the farmer on May 6, 2014.")), Some(1));
}

#[test]
fn members_of_the_forces_and_companions_with_a_figure() {
    // "members of the security forces" are fighters: added to civilians named in another sentence.
    let r = run("Gunmen stopped cars at a fake checkpoint before killing three civilians. Using grenades, the attackers then killed five members of the security forces who came to help.");
    assert_eq!(killed(&r), Some(8));
    // A figure after a possessive joined to the object.
    assert_eq!(killed(&run("Unidentified gunmen fired on a village elder, killing him and his two guards.")), Some(3));
    assert_eq!(killed(&run("Gunmen killed a police officer and his two sons near the mosque.")), Some(3));
}

#[test]
fn a_name_joined_to_a_figure() {
    assert_eq!(killed(&run("Sergeant Bilal Anwar and two other officers were killed when the convoy was ambushed.")), Some(3));
    // The name in apposition is the victim: one person, not two.
    assert_eq!(killed(&run("The victim, Karim al-Tikriti, and at least three other relatives died in the blast.")), Some(4));
    // Places before "and" are not people.
    assert_eq!(killed(&run("In Kandahar, Helmand and two other provinces, 6 people were killed.")), Some(6));
}

#[test]
fn a_headline_under_the_publication_date_takes_the_story_date() {
    // Published on a Monday: the headline's figures and the story's are one incident, on Saturday.
    let r = run_published(
        "5/9/2016 1:53:00 AM\n\nOne dead, three hurt in parking lot shooting\n\nA 19-year-old man was killed and three other people were wounded in a shooting Saturday night outside a bowling alley, police said.",
        "2016-05-09",
    );
    assert_eq!(r.events.len(), 1, "{:?}", r.events);
    assert_eq!(r.events[0].date.as_ref().map(|d| d.start.as_str()), Some("2016-05-07"));
    assert_eq!(killed(&r), Some(1));
    assert_eq!(injured(&r), Some(3));
}

#[test]
fn fire_on_positions_is_remote_when_shells_are_named() {
    let r = run("On 3 May 2020, rebel forces fired 120mm mortars and grenade launchers at army positions near the village.");
    assert_eq!(r.events[0].event_type.as_deref(), Some("Explosions/Remote violence"));
    assert_eq!(r.events[0].sub_event_type.as_deref(), Some("Shelling/artillery/missile attack"));
    // Without shells, fire on positions is a clash.
    let r = run("On 3 May 2020, rebel forces attacked army positions near the village; two soldiers were killed.");
    assert_eq!(r.events[0].event_type.as_deref(), Some("Battles"));
}

#[test]
fn burning_tires_and_barricades_make_a_riot() {
    let r = run("On 5 May 2020, hundreds of traders demonstrated and burned tires outside the town hall to demand the market reopen.");
    assert_eq!(r.events[0].event_type.as_deref(), Some("Riots"));
    let r = run("On 5 May 2020, residents barricaded the main road and demonstrated against water cuts.");
    assert_eq!(r.events[0].event_type.as_deref(), Some("Riots"));
    let r = run("On 5 May 2020, residents demonstrated peacefully against water cuts.");
    assert_eq!(r.events[0].event_type.as_deref(), Some("Protests"));
}

#[test]
fn shootouts_air_forces_and_patrols() {
    let r = run("On 2 May 2020, residents reported that a shoot-out took place between two gangs in the harbour district.");
    assert_eq!(r.events[0].event_type.as_deref(), Some("Battles"));
    let r = run("On 2 May 2020, the national air force targeted rebel camps east of the river. No casualties were reported.");
    assert_eq!(r.events[0].event_type.as_deref(), Some("Explosions/Remote violence"));
    let r = run("On 2 May 2020, foreign troops carried out a joint patrol along the highway.");
    assert_eq!(r.events[0].event_type.as_deref(), Some("Strategic developments"));
}

#[test]
fn household_of_a_victim_counts_each_person_noun() {
    // "gardener" and "chauffeur" come from the WordNet person list, not the hand-typed one.
    assert_eq!(killed(&run("Militants killed the village headman, his wife and his gardener on Sunday.")), Some(3));
    assert_eq!(killed(&run("Gunmen shot dead a retired judge, his wife and their chauffeur outside their home.")), Some(3));
}

#[test]
fn wordnet_person_nouns_head_counts() {
    assert_eq!(killed(&run("The gunman killed his 2 stepchildren before turning the weapon on himself.")), Some(2));
    assert_eq!(killed(&run("The blast killed 2 stonemasons working on the bridge.")), Some(2));
    assert_eq!(killed(&run("Twelve passengers and the conductor died when the bus was ambushed.")), Some(13));
}

#[test]
fn titles_and_surnames_that_are_person_nouns_stay_in_names() {
    // "Khan" and "Haji" are nouns for people in WordNet, but capitalised they are part of a name.
    assert_eq!(killed(&run("Police said Haji Karim Khan was killed in the blast.")), Some(1));
    assert_eq!(killed(&run("Gunmen shot dead Ahmad Khan, a shopkeeper, in the bazaar.")), Some(1));
}

#[test]
fn figure_joined_to_a_noun_by_a_hyphen_measures_it() {
    // "10-term" says how often he was elected, not how many were wounded.
    assert_eq!(injured(&run("The 10-term senator was wounded in the attack on his convoy.")), Some(1));
    assert_eq!(injured(&run("The blast injured a 3-man crew working on the line.")), Some(3));
}

#[test]
fn units_and_rounds_after_figures_are_not_people() {
    for text in [
        "Police said the standoff lasted 3 hours before the gunman surrendered.",
        "Officers fired 2 rounds into the air to disperse the crowd.",
        "The team scored 4 runs in the final over as the match went on.",
        "The ceasefire collapsed after 6 months of talks.",
        "The fire destroyed 30 houses and 4 shops.",
        "The 3 ministers met for 2 sessions on Monday.",
    ] {
        assert_eq!(killed(&run(text)), None, "{text}");
        assert_eq!(injured(&run(text)), None, "{text}");
    }
}

#[test]
fn places_listed_before_the_victims_are_not_victims() {
    let r = run("On 3 May 2020, in Porto Alegre, Rio Grande, a teenager and a woman were shot dead by two armed men.");
    assert_eq!(killed(&r), Some(2));
    // Names listed without a word of place are people.
    assert_eq!(killed(&run("Maria Lopes, Ana Souza and a driver were shot dead on the highway.")), Some(3));
}

#[test]
fn one_more_person_joined_to_an_active_object_counts() {
    assert_eq!(killed(&run("The mortar round killed two farmers and a shepherd near the border post.")), Some(3));
    assert_eq!(killed(&run("Raiders stormed the hamlet, killing four herders and another villager before fleeing.")), Some(5));
    // Not a person: nothing added.
    assert_eq!(killed(&run("The landslide killed six miners and a horse at the quarry.")), Some(6));
    // A figure joined the same way is its own object, counted once.
    assert_eq!(killed(&run("The bomb killed two guards and three visitors at the gate.")), Some(5));
}

#[test]
fn another_joined_to_a_figure_subject_is_one_more() {
    assert_eq!(killed(&run("Two activists of the farmers' union and another from the student wing were killed in the clash.")), Some(3));
    assert_eq!(killed(&run("Four members of the family and the driver were killed when the van was hit.")), Some(5));
    assert_eq!(injured(&run("Three traders and another were wounded in the market blast.")), Some(4));
}

#[test]
fn other_people_in_the_same_sentence_add_to_the_first_figure() {
    assert_eq!(killed(&run("Two protesters died in the shooting and two other people were killed in riots that followed.")), Some(4));
    // The same group said twice is not added.
    assert_eq!(killed(&run("Two protesters were killed, and police said the two protesters were shot by snipers.")), Some(2));
}

#[test]
fn a_toll_before_a_list_of_two_figures_names_the_first_kind() {
    let r = run("The number of people killed and wounded in the cattle raids has risen to 17 and 25 injured, officials said.");
    assert_eq!(killed(&r), Some(17));
    assert_eq!(injured(&r), Some(25));
}

#[test]
fn people_shot_whose_bodies_are_then_dumped_are_dead() {
    assert_eq!(killed(&run("Twelve prisoners were shot at dawn and their bodies dumped in a ravine outside the town.")), Some(12));
    // Shot and alive: a wound, whatever else the sentence says of a body.
    let r = run("A guard was shot in the arm and his body armour stopped a second bullet.");
    assert_eq!(killed(&r), None);
    assert_eq!(injured(&r), Some(1));
}

#[test]
fn a_harmful_event_that_claims_people_kills_them() {
    assert_eq!(killed(&run("The feud between the two clans flared again and the violence claimed nine persons in the hill villages.")), Some(9));
    // Someone who claims people did something kills no one.
    assert_eq!(killed(&run("The militia claimed five recruits had deserted to the army.")), None);
}

#[test]
fn a_follow_up_report_dates_its_incident_by_the_day_of_the_shooting() {
    let text = "Three men accused of killing two students appeared in court today for a pre-trial hearing.\n\n\
                Prosecutors say the men opened fire on a crowd during a drive-by shooting on June 12, 2019, in the city's east side.";
    let r = run_published(text, "2020-02-03");
    assert_eq!(killed(&r), Some(2));
    let d = r.events[0].date.as_ref().map(|d| d.start.as_str());
    assert_eq!(d, Some("2019-06-12"));
    // A fresh report without such a day keeps the report's date.
    let r = run_published("Two students were killed in a shooting, police said.", "2020-02-03");
    assert_eq!(r.events[0].date.as_ref().map(|d| d.start.as_str()), Some("2020-02-03"));
}
