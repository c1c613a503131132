//! The bundled sample reports (`samples/reports`, written by the team) against their answer
//! key (`samples/EXPECTED.md`): the figures a careful coder records for each.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

fn extract_samples() -> Vec<Value> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples/reports");
    let out = Command::new(env!("CARGO_BIN_EXE_sitrep")).arg("extract").arg(&dir).output().expect("run sitrep");
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("one JSON object per line")).collect()
}

fn doc<'a>(docs: &'a [Value], id: &str) -> &'a Value {
    docs.iter().find(|d| d["doc_id"] == id).unwrap_or_else(|| panic!("no document {id}"))
}

fn ev(d: &Value, i: usize) -> &Value {
    &d["events"][i]
}

fn best(e: &Value, field: &str) -> Option<u64> {
    e[field]["best"].as_u64()
}

fn claims(d: &Value) -> Vec<&Value> {
    d["events"].as_array().into_iter().flatten().flat_map(|e| e["claims"].as_array().into_iter().flatten()).collect()
}

#[test]
fn every_sample_is_read_in_order() {
    let docs = extract_samples();
    let ids: Vec<&str> = docs.iter().filter_map(|d| d["doc_id"].as_str()).collect();
    assert_eq!(ids.len(), 11, "{ids:?}");
    assert_eq!(ids[0], "congo_ituri_village_attack");
    assert!(ids.contains(&"colombia_cauca_police_station"), "the HTML page is read");
}

#[test]
fn yemen_day_toll_restatement_and_running_total() {
    let docs = extract_samples();
    let d = doc(&docs, "yemen_marib_offensive");
    // "Sunday 06/02/2022": the weekday makes it 6 February.
    assert_eq!(d["published"], "2022-02-06");
    let main = ev(d, 0);
    assert_eq!(main["date"]["start"], "2022-02-05");
    assert_eq!((best(main, "fatalities"), main["fatalities"]["high"].as_u64()), (Some(24), Some(29)));
    assert_eq!(best(main, "injuries"), Some(23));
    // The rebels' claim of 20 against the army's three: conservative best, the claim as high.
    let clash = ev(d, 1);
    assert_eq!(clash["date"]["start"], "2022-02-01");
    assert_eq!((best(clash, "fatalities"), clash["fatalities"]["high"].as_u64()), (Some(3), Some(20)));
    // The running total is a cumulative claim kept out of the incidents.
    let all = claims(d);
    assert!(all.iter().any(|c| c["low"] == 212 && c["cumulative"] == true));
    // A troop estimate and vehicles are never claims.
    assert!(!all.iter().any(|c| c["low"] == 4000 || c["low"] == 6000 || (c["low"] == 12 && c["kind"] == "killed")));
}

#[test]
fn somalia_perpetrators_and_a_groups_inflated_claim() {
    let docs = extract_samples();
    let d = doc(&docs, "somalia_mogadishu_hotel");
    assert_eq!(d["published"], Value::Null);
    let main = ev(d, 0);
    assert_eq!(main["date"], Value::Null, "no date in the text: 'on Sunday' stays unresolved");
    assert_eq!(main["sub_event_type"], "Suicide bomb");
    // Nine victims, the bomber and four gunmen; al Shabaab's "more than 30" leaves the high open.
    assert_eq!(best(main, "fatalities"), Some(14));
    assert_eq!(main["fatalities"]["high"], Value::Null);
    assert_eq!(best(main, "injuries"), Some(31));
    assert!(claims(d).iter().any(|c| c["perpetrators"] == true && c["low"] == 1));
}

#[test]
fn libya_noise_date_line_and_a_second_incident() {
    let docs = extract_samples();
    let d = doc(&docs, "libya_misrata_car_bomb");
    // The "Updated ... November 10, 2022" line below the story highlights dates the report.
    assert_eq!(d["published"], "2022-11-10");
    let main = ev(d, 0);
    assert_eq!(main["date"]["start"], "2022-11-09");
    assert_eq!((best(main, "fatalities"), main["fatalities"]["high"].as_u64()), (Some(4), Some(10)));
    assert_eq!(best(main, "injuries"), Some(10), "several = 10");
    assert_eq!(ev(d, 1)["date"]["precision"], "week");
    // Nothing is read out of the image name or the video credit.
    assert!(claims(d).iter().all(|c| !c["text"].as_str().unwrap_or("").contains("01:45")));
}

#[test]
fn mali_two_incidents_in_one_report() {
    let docs = extract_samples();
    let d = doc(&docs, "mali_convoy_and_bus");
    assert_eq!(ev(d, 0)["date"]["start"], "2022-03-12");
    let bus = ev(d, 1);
    assert_eq!(bus["date"]["start"], "2022-03-13");
    assert_eq!(best(bus, "fatalities"), Some(11));
    assert_eq!(bus["fatalities"]["high"], Value::Null, "at least 11");
    assert_eq!(best(bus, "injuries"), Some(20));
}

#[test]
fn kenya_protest_arrests_and_no_deaths() {
    let docs = extract_samples();
    let d = doc(&docs, "kenya_nairobi_traders_protest");
    let main = ev(d, 0);
    assert_eq!(main["event_type"], "Protests");
    assert_eq!(best(main, "fatalities"), Some(0));
    assert_eq!(best(main, "injuries"), Some(12), "nearly a dozen");
    let arrests: Vec<u64> = claims(d).iter().filter(|c| c["kind"] == "arrested").filter_map(|c| c["low"].as_u64()).collect();
    assert_eq!(arrests, vec![57, 205]);
}

#[test]
fn html_page_and_feed_lines() {
    let docs = extract_samples();
    let page = ev(doc(&docs, "colombia_cauca_police_station"), 0);
    assert_eq!((best(page, "fatalities"), best(page, "injuries")), (Some(2), Some(9)));
    assert_eq!(best(ev(doc(&docs, "feed-irq-greenzone-002"), 0), "injuries"), Some(0), "no one was hurt");
    let riot = ev(doc(&docs, "feed-tun-ettadhamen-003"), 0);
    assert_eq!(riot["event_type"], "Riots");
    assert_eq!(best(ev(doc(&docs, "feed-nga-zamfara-004"), 0), "fatalities"), Some(4));
}

/// (country code, place name, precision) of an event.
fn place(e: &Value) -> (&str, &str, &str) {
    let l = &e["location"];
    (l["country_code"].as_str().unwrap_or(""), l["name"].as_str().unwrap_or(""), l["precision"].as_str().unwrap_or(""))
}

fn actor1(e: &Value) -> &str {
    e["actors"].as_array().into_iter().flatten().find(|a| a["role"] == "actor1").and_then(|a| a["canonical"].as_str()).unwrap_or("")
}

#[test]
fn places_and_actors_of_the_samples() {
    let docs = extract_samples();
    // The town of the incident, not the capital in the placeline or the country of the story.
    let somalia = ev(doc(&docs, "somalia_mogadishu_hotel"), 0);
    assert_eq!(place(somalia), ("SO", "Mogadishu", "city"));
    assert_eq!(actor1(somalia), "Al Shabaab");
    let libya = ev(doc(&docs, "libya_misrata_car_bomb"), 0);
    assert_eq!(place(libya).0, "LY");
    assert!(place(libya).1.starts_with("Misrat"), "{:?}", place(libya));
    // The second incident of the Mali report is in another town of the same country.
    let mali = doc(&docs, "mali_convoy_and_bus");
    assert_eq!(place(ev(mali, 0)).0, "ML");
    assert_eq!(place(ev(mali, 1)), ("ML", "Ansongo", "city"));
    assert!(actor1(ev(mali, 0)).starts_with("JNIM"), "{}", actor1(ev(mali, 0)));
    // A protest names the crowd as actor1.
    let kenya = ev(doc(&docs, "kenya_nairobi_traders_protest"), 0);
    assert_eq!(place(kenya), ("KE", "Nairobi", "city"));
    assert_eq!(actor1(kenya), "Protesters (Kenya)");
}
