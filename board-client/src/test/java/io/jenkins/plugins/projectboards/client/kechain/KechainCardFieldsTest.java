package io.jenkins.plugins.projectboards.client.kechain;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardChanges;
import io.jenkins.plugins.projectboards.client.CardDetails;
import io.jenkins.plugins.projectboards.client.CardQuery;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.UserRef;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import java.time.LocalDate;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.Test;

/** An activity is a card: its status is its column; the exact requests and what the caller gets. */
public class KechainCardFieldsTest extends KechainTestSupport {
    private static final String SCOPE_QUERY = "/kc/api/v3/scopes.json?id=" + SCOPE + "&limit=2";

    @Test
    public void detailsOfACompletedActivity() throws Exception {
        body(200, "activity-completed.json");
        body(200, "scope.json");
        CardDetails details = client().cardDetails(CardRef.parse(ACTIVITY), null).orElseThrow();
        assertEquals(new CardDetails(new Card(Vendor.KECHAIN, ACTIVITY, "TEST ACTIVITY",
                baseUrl() + "/kc/#/scopes/" + SCOPE + "/activities/" + ACTIVITY, new BoardRef(SCOPE, "Bike Project"),
                new ColumnRef("COMPLETED", "COMPLETED"), "test-activity"), "", List.of(), null, null, true), details);
        expect("GET", "/kc/api/activities/" + ACTIVITY + ".json");
        expect("GET", SCOPE_QUERY);
        assertEquals(2, server.getRequestCount());
    }

    @Test
    public void detailsByReferenceNameTheAssigneeTagsAndDueDay() throws Exception {
        String activity = Fixture.resource("fixtures/kechain/activity-completed.json")
                .replace("\"status\":\"COMPLETED\"", "\"status\":\"OPEN\"")
                .replace("\"tags\":[]", "\"tags\":[\"ci\",\"release\"]")
                .replace("\"assignees_ids\":null", "\"assignees_ids\":[1]")
                .replace("\"due_date\":null", "\"due_date\":\"2027-01-15T00:00:00Z\"")
                .replace("\"description\":null", "\"description\":\"built\"");
        body(200, "scope.json");
        json(200, activity);
        json(200, """
                {"results":[{"pk":1,"username":"pykechain_user","name":""}]}""");
        CardDetails details = client().cardDetails(CardRef.parse("test-activity"), new BoardRef(SCOPE, "Bike Project")).orElseThrow();
        assertEquals(new ColumnRef("OPEN", "OPEN"), details.card().column());
        assertEquals("built", details.description());
        assertEquals(List.of("ci", "release"), details.labels());
        assertEquals(LocalDate.of(2027, 1, 15), details.due());
        assertEquals(new UserRef("1", "pykechain_user"), details.assignee());
        assertEquals(false, details.closed());
        expect("GET", SCOPE_QUERY);
        expect("GET", "/kc/api/activities.json?ref=test-activity&scope_id=" + SCOPE + "&limit=2");
        expect("GET", "/kc/api/users.json?id=1&limit=2");
    }
    @Test
    public void findFiltersByScopeStatusAndRefOnTheServerAndTagsHere() throws Exception {
        body(200, "activity-completed.json");
        BoardRef scope = new BoardRef(SCOPE, "Bike Project");
        List<CardDetails> found = client().findCards(scope,
                new CardQuery(new ColumnRef("COMPLETED", "COMPLETED"), List.of(), null, "test-activity", 10));
        assertEquals(1, found.size());
        assertEquals(ACTIVITY, found.get(0).card().id());
        expect("GET", "/kc/api/activities.json?scope_id=" + SCOPE + "&activity_type=TASK&status=COMPLETED&ref=test-activity&limit=10");
    }

    @Test
    public void updateIsOneEditWithTheWholeTagList() throws Exception {
        body(200, "activity-completed.json");
        CardDetails card = new CardDetails(new Card(Vendor.KECHAIN, ACTIVITY, "T", "u", new BoardRef(SCOPE, "Bike Project"),
                new ColumnRef("OPEN", "OPEN"), null), "", List.of("ci"), null, null, false);
        CardDetails after = client().updateCard(card, new CardChanges("New", null, List.of("release"), List.of(),
                LocalDate.of(2027, 1, 15), new UserRef("1", "pykechain_user")));
        RecordedRequest put = expect("PUT", "/kc/api/activities/" + ACTIVITY + ".json");
        assertEquals(Json.MAPPER.readTree("""
                {"id":"%s","name":"New","due_date":"2027-01-15T00:00:00+00:00","tags":["ci","release"],"assignees_ids":[1]}"""
                .formatted(ACTIVITY)), Json.MAPPER.readTree(put.getBody().readUtf8()));
        assertEquals(List.of("ci", "release"), after.labels());
    }
}
