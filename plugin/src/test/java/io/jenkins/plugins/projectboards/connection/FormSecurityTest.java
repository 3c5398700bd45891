package io.jenkins.plugins.projectboards.connection;

import static io.jenkins.plugins.projectboards.testing.BoardsTestSupport.postForm;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import hudson.model.FreeStyleProject;
import hudson.model.Item;
import io.jenkins.plugins.projectboards.testing.BoardsTestSupport.Recorded;
import io.jenkins.plugins.projectboards.testing.FakePlanka;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import jenkins.model.Jenkins;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * The form endpoints (Test Connection, checks, dropdowns) answer only to POST and only to those allowed: Overall/
 * Administer for connections, Item/Configure for a job's steps. Anonymous (no permission at all) and a reader
 * (Overall/Read, Job/Read) get 403; none of the answers shows a secret.
 */
public class FormSecurityTest {
    private static final String PLANKA = "descriptorByName/io.jenkins.plugins.projectboards.connection.PlankaConnection/";
    private static final String CREATE_TASK = "job/job/descriptorByName/io.jenkins.plugins.projectboards.steps.CreateTaskStep/";

    private final JenkinsRule j = new JenkinsRule();
    private final FakePlanka planka = new FakePlanka(1);

    @Rule
    public final RuleChain rules = RuleChain.outerRule(j).around(planka);

    @Before
    public void security() throws Exception {
        FreeStyleProject job = j.createFreeStyleProject("job");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ).everywhere().to("reader")
                .grant(Item.READ).onItems(job).to("reader"));
    }

    @Test
    public void testConnectionIsForAdministratorsAndShowsNoSecret() throws Exception {
        String path = PLANKA + "testConnection?url=" + planka.url() + "&credentialsId=planka-key";
        assertEquals(403, postForm(j, null, path).getStatusCode());
        assertEquals(403, postForm(j, "reader", path).getStatusCode());
        assertEquals("refused calls reach no server", List.of(), planka.requests());

        WebResponse admin = postForm(j, "admin", path);
        assertEquals(200, admin.getStatusCode());
        String answer = admin.getContentAsString();
        assertTrue(answer, answer.contains("Connected: Planka user jenkins (admin)"));
        assertFalse(answer, answer.contains(FakePlanka.API_KEY));
        // The one call it made (Planka's cheapest authenticated one) carried the key from the credential.
        List<Recorded> requests = planka.requests();
        assertEquals(List.of("GET /api/users/me"), requests.stream().map(Recorded::line).toList());
        assertEquals(FakePlanka.API_KEY, requests.get(0).apiKey());
    }

    @Test
    public void testConnectionNamesAMissingCredentialByIdOnly() throws Exception {
        WebResponse admin = postForm(j, "admin", PLANKA + "testConnection?url=" + planka.url() + "&credentialsId=nosuch");
        assertEquals(200, admin.getStatusCode());
        String answer = admin.getContentAsString();
        // FormValidation escapes the message (Util.escape: ' becomes &#039;).
        assertTrue(answer, answer.contains("Planka connection &#039;test&#039;: credentials &#039;nosuch&#039; not found or not usable here"));
        assertEquals(List.of(), planka.requests());
    }

    @Test
    public void checksAreForAdministrators() throws Exception {
        for (String check : List.of("checkUrl?value=https://x.example", "checkName?value=kb", "checkCredentialsId?value=planka-key",
                "checkWebhookCredentialsId?value=planka-webhook", "checkReferencePatterns?value=x(y)")) {
            assertEquals(check, 403, postForm(j, null, PLANKA + check).getStatusCode());
            assertEquals(check, 403, postForm(j, "reader", PLANKA + check).getStatusCode());
            assertEquals(check, 200, postForm(j, "admin", PLANKA + check).getStatusCode());
        }
    }

    @Test
    public void credentialDropdownsListNothingToOthers() throws Exception {
        String items = postForm(j, "reader", PLANKA + "fillCredentialsIdItems?url=" + planka.url()).getContentAsString();
        assertFalse(items, items.contains("planka-key"));
        assertFalse(items, items.contains(FakePlanka.API_KEY));
        String adminItems = postForm(j, "admin", PLANKA + "fillCredentialsIdItems?url=" + planka.url()).getContentAsString();
        assertTrue(adminItems, adminItems.contains("planka-key"));
        assertFalse(adminItems, adminItems.contains(FakePlanka.API_KEY));
        String webhookItems = postForm(j, "admin", PLANKA + "fillWebhookCredentialsIdItems").getContentAsString();
        assertTrue(webhookItems, webhookItems.contains("planka-webhook"));
        assertFalse(webhookItems, webhookItems.contains(FakePlanka.WEBHOOK_SECRET));
    }

    @Test
    public void stepDropdownsNeedConfigureOnTheJob() throws Exception {
        for (String fill : List.of("fillConnectionItems", "fillFailOnErrorItems")) {
            assertEquals(fill, 403, postForm(j, null, CREATE_TASK + fill).getStatusCode());
            assertEquals(fill, 403, postForm(j, "reader", CREATE_TASK + fill).getStatusCode());
        }
        WebResponse admin = postForm(j, "admin", CREATE_TASK + "fillConnectionItems");
        assertEquals(200, admin.getStatusCode());
        String items = admin.getContentAsString();
        assertTrue(items, items.contains("planka (Planka)"));
        assertTrue(items, items.contains("(default connection)"));
        // Outside a job the same dropdown is for administrators.
        assertEquals(403, postForm(j, "reader", "descriptorByName/io.jenkins.plugins.projectboards.steps.CreateTaskStep/fillConnectionItems")
                .getStatusCode());
    }

    /** As on a job's form (SnippetGeneratorTest): the connection form sends each field's check by POST, which the checks need. */
    @Test
    public void everyFieldCheckOfAConnectionIsSentByPost() throws Exception {
        HtmlPage page = j.createWebClient().login("admin").goTo("configure");
        Set<String> checked = new TreeSet<>();
        for (DomNode node : page.querySelectorAll("[checkurl]")) {
            DomElement field = (DomElement) node;
            String url = field.getAttribute("checkurl");
            if (url.contains("io.jenkins.plugins.projectboards.connection.PlankaConnection")) {
                checked.add(url.replaceAll("^.*PlankaConnection/", "").replaceAll("[?'\"].*$", ""));
                assertEquals(url, "post", field.getAttribute("checkmethod"));
            }
        }
        assertEquals(Set.of("checkName", "checkUrl", "checkCredentialsId", "checkWebhookCredentialsId", "checkReferencePatterns"), checked);
    }

    @Test
    public void getIsNotEnough() throws Exception {
        JenkinsRule.WebClient web = j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("admin");
        // @POST (org.kohsuke.stapler.verb.POST) makes Stapler skip the method for any other verb, so a GET finds no
        // handler at all: 404, not the 405 that @RequirePOST answers.
        for (String path : List.of(PLANKA + "testConnection?url=" + planka.url() + "&credentialsId=planka-key",
                PLANKA + "fillCredentialsIdItems?url=" + planka.url(), CREATE_TASK + "fillConnectionItems")) {
            assertEquals(path, 404, web.goTo(path, null).getWebResponse().getStatusCode());
        }
        assertEquals(List.of(), planka.requests());
    }
}
