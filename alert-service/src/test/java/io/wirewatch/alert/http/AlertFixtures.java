package io.wirewatch.alert.http;

import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AlertEvidence;
import io.wirewatch.schema.AlertStatus;
import io.wirewatch.schema.AlertType;
import io.wirewatch.schema.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Alerts shaped like those the seed reports of 7 February 2012 on Syria give rise to, for the serving tests. */
final class AlertFixtures {

    static final Instant MORNING = Instant.parse("2012-02-07T09:30:00Z");

    private AlertFixtures() {}

    /** Gulf Cooperation Council states recalling their ambassadors from Syria: a diplomatic action by a group. */
    static Alert gulfAmbassadorsRecalled() {
        return Alert.newBuilder()
                .setId("dip-gcc-recall-syr-2012-02-07")
                .setStatus(AlertStatus.NEW)
                .setType(AlertType.DIPLOMATIC_ACTION)
                .setAction("RECALL_AMBASSADOR")
                .setCameoCode("161")
                .setActor("Gulf Cooperation Council")
                .setActorMembers(List.of("Saudi Arabia", "Kuwait", "Bahrain", "Qatar", "United Arab Emirates", "Oman"))
                .setTarget("Syria")
                .setActorCode("GCC")
                .setActorMemberCodes(List.of("SA", "KW", "BH", "QA", "AE", "OM"))
                .setTargetCode("SY")
                .setCountries(List.of("SA", "KW", "BH", "QA", "AE", "OM", "SY"))
                .setEventDate(LocalDate.parse("2012-02-07"))
                .setHeadline("Gulf states recall ambassadors from Syria")
                .setSeverity(Severity.HIGH)
                .setSources(1)
                .setOutlets(List.of("Reuters"))
                .setEvidence(List.of(evidence(
                        "a-000",
                        "https://example.org/reuters/gcc",
                        "Reuters",
                        "The six Gulf Arab states said they were recalling their ambassadors from Damascus.",
                        null,
                        null,
                        MORNING)))
                .setFirstSeen(MORNING)
                .setLastUpdated(MORNING)
                .build();
    }

    /** A casualty spike in Homs, with a range of reported figures. */
    static Alert homsCasualtySpike() {
        Instant seen = MORNING.plusSeconds(600);
        return Alert.newBuilder()
                .setId("cas-homs-2012-02-06")
                .setStatus(AlertStatus.NEW)
                .setType(AlertType.CASUALTY_SPIKE)
                .setPlace("Homs")
                .setPlaceCountryCode("SY")
                .setPlaceRegion("Homs Governorate")
                .setLatitude(34.72682)
                .setLongitude(36.72339)
                .setCountries(List.of("SY"))
                .setCount(50)
                .setCountLow(40)
                .setCountHigh(60)
                .setBaseline(4.5)
                .setEventDate(LocalDate.parse("2012-02-06"))
                .setHeadline("At least 50 killed in shelling of Homs")
                .setSeverity(Severity.CRITICAL)
                .setSources(2)
                .setOutlets(List.of("BBC", "Al Jazeera"))
                .setEvidence(List.of(
                        evidence(
                                "a-001",
                                "https://example.org/bbc/homs",
                                "BBC",
                                "Activists said at least 50 people were killed as government forces shelled Homs.",
                                "activists",
                                50,
                                seen),
                        evidence(
                                "a-002",
                                null,
                                "Al Jazeera",
                                "Opposition groups put the death toll in Homs at 60.",
                                "opposition groups",
                                60,
                                seen)))
                .setFirstSeen(seen)
                .setLastUpdated(seen)
                .build();
    }

    /** The United States closing its embassy in Damascus, reported the day before. */
    static Alert usEmbassyClosed() {
        Instant seen = MORNING.minusSeconds(3600);
        return Alert.newBuilder()
                .setId("dip-usa-close-embassy-syr-2012-02-06")
                .setStatus(AlertStatus.NEW)
                .setType(AlertType.DIPLOMATIC_ACTION)
                .setAction("CLOSE_EMBASSY")
                .setCameoCode("1623")
                .setActor("United States")
                .setTarget("Syria")
                .setActorCode("US")
                .setTargetCode("SY")
                .setCountries(List.of("US", "SY"))
                .setEventDate(LocalDate.parse("2012-02-06"))
                .setHeadline("United States closes its embassy in Damascus")
                .setSeverity(Severity.MEDIUM)
                .setBackground(true)
                .setSources(1)
                .setOutlets(List.of("AP"))
                .setEvidence(List.of(evidence(
                        "a-003",
                        "http://example.org/ap/embassy",
                        "AP",
                        "Washington closed its embassy in Damascus on Monday.",
                        null,
                        null,
                        seen)))
                .setFirstSeen(seen)
                .setLastUpdated(seen)
                .build();
    }

    /** The next version of an alert: status UPDATE, one more source, later lastUpdated. */
    static Alert corroborated(Alert alert, String outlet, String sentence, Instant at) {
        List<AlertEvidence> evidence = new java.util.ArrayList<>(alert.getEvidence());
        evidence.add(evidence(
                "a-" + outlet.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'),
                null,
                outlet,
                sentence,
                null,
                null,
                at));
        List<String> outlets = new java.util.ArrayList<>(alert.getOutlets());
        outlets.add(outlet);
        return Alert.newBuilder(alert)
                .setStatus(AlertStatus.UPDATE)
                .setRevision(alert.getRevision() + 1)
                .setSources(alert.getSources() + 1)
                .setOutlets(outlets)
                .setEvidence(evidence)
                .setLastUpdated(at)
                .build();
    }

    /** An alert with the given id and lastUpdated, otherwise like {@link #homsCasualtySpike()}. */
    static Alert casualtyAt(String id, String place, Instant lastUpdated) {
        return Alert.newBuilder(homsCasualtySpike())
                .setId(id)
                .setPlace(place)
                .setLastUpdated(lastUpdated)
                .build();
    }

    static AlertEvidence evidence(
            String articleId,
            String url,
            String outlet,
            String sentence,
            String attributedTo,
            Integer count,
            Instant seenAt) {
        return AlertEvidence.newBuilder()
                .setArticleId(articleId)
                .setUrl(url)
                .setOutlet(outlet)
                .setSentence(sentence)
                .setAttributedTo(attributedTo)
                .setCount(count)
                .setSeenAt(seenAt)
                .build();
    }
}
