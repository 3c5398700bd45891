package io.jenkins.plugins.projectboards.connection;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import hudson.model.FreeStyleProject;
import hudson.model.Item;
import io.jenkins.plugins.projectboards.testing.FakePlanka;
import java.net.URL;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * The form endpoints (Test Connection, checks, dropdowns) answer only to POST and only to those allowed: Overall/
 * Administer for connections, Item/Configure for a job's steps. None of them shows a secret.
 */
public class FormSecurityTest {
    private final JenkinsRule j = new JenkinsRule();
    private final FakePlanka planka = new FakePlanka(1);

    @Rule
    public final RuleChain rules = RuleChain.outerRule(j).around(planka);

    private FreeStyleProject job;

    @Before
    public void security() throws Exception {
        job = j.createFreeStyleProject("job");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader"));
    }

    private WebResponse post(String user, String path) throws Exception {
        JenkinsRule.WebClient web = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        if (user != null) {
            web.login(user);
        }
        WebRequest request = new WebRequest(new URL(j.getURL(), path), HttpMethod.POST);
        return web.getPage(web.addCrumb(request)).getWebResponse();
    }

    private static final String PLANKA = "descriptorByName/io.jenkins.plugins.projectboards.connection.PlankaConnection/";

    @Test
    public void testConnectionIsForAdministratorsAndShowsNoSecret() throws Exception {
        String path = PLANKA + "testConnection?url=" + planka.url() + "&credentialsId=planka-key";
        assertEquals(403, post(null, path).getStatusCode());
        assertEquals(403, post("reader", path).getStatusCode());
        WebResponse admin = post("admin", path);
        assertEquals(200, admin.getStatusCode());
        assertTrue(admin.getContentAsString(), admin.getContentAsString().contains("Connected: Planka user jenkins (admin)"));
        assertFalse(admin.getContentAsString().contains(FakePlanka.API_KEY));
    }

    @Test
    public void checksAreForAdministrators() throws Exception {
        for (String check : new String[] {"checkUrl?value=https://x.example", "checkName?value=kb", "checkCredentialsId?value=planka-key",
                "checkWebhookCredentialsId?value=planka-webhook", "checkReferencePatterns?value=x(y)"}) {
            assertEquals(check, 403, post("reader", PLANKA + check).getStatusCode());
            assertEquals(check, 200, post("admin", PLANKA + check).getStatusCode());
        }
    }

    @Test
    public void credentialDropdownsListNothingToOthers() throws Exception {
        String items = post("reader", PLANKA + "fillCredentialsIdItems?url=" + planka.url()).getContentAsString();
        assertFalse(items, items.contains("planka-key"));
        String adminItems = post("admin", PLANKA + "fillCredentialsIdItems?url=" + planka.url()).getContentAsString();
        assertTrue(adminItems, adminItems.contains("planka-key"));
    }

    @Test
    public void stepDropdownsNeedConfigureOnTheJob() throws Exception {
        String path = "job/job/descriptorByName/io.jenkins.plugins.projectboards.steps.CreateTaskStep/fillConnectionItems";
        assertEquals(403, post("reader", path).getStatusCode());
        WebResponse admin = post("admin", path);
        assertEquals(200, admin.getStatusCode());
        assertTrue(admin.getContentAsString().contains("planka"));
    }

    @Test
    public void getIsNotEnough() throws Exception {
        JenkinsRule.WebClient web = j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("admin");
        WebResponse get = web.goTo(PLANKA + "testConnection?url=" + planka.url() + "&credentialsId=planka-key", null).getWebResponse();
        assertEquals(405, get.getStatusCode());
    }
}
