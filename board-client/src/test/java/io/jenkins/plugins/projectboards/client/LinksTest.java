package io.jenkins.plugins.projectboards.client;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;

public class LinksTest {
    private static final String CONNECTION = "https://board.example/kc";

    @Test
    public void httpAndHttpsLinksOnTheConnectionsHostAreKeptInCanonicalForm() {
        assertEquals("https://board.example/cards/7", Links.safe("https://board.example/cards/7", CONNECTION));
        assertEquals("http://board.example:8080/x", Links.safe(" HTTP://Board.Example:8080/x ", CONNECTION));
        assertEquals("https://board.example/a%20b?q=%22x%22", Links.safe("https://board.example/a b?q=\"x\"", CONNECTION));
    }

    @Test
    public void scriptsOtherSchemesOtherHostsAndGarbageGiveNoLink() {
        assertNull(Links.safe("javascript:alert(document.domain)", CONNECTION));
        assertNull(Links.safe(" JavaScript:alert(1)//https://board.example/", CONNECTION));
        assertNull(Links.safe("data:text/html,<script>alert(1)</script>", CONNECTION));
        assertNull(Links.safe("//board.example/cards/7", CONNECTION));
        assertNull(Links.safe("/cards/7", CONNECTION));
        assertNull(Links.safe("https://board.example.evil.test/cards/7", CONNECTION));
        assertNull(Links.safe("https://board.example@evil.test/cards/7", CONNECTION));
        assertNull(Links.safe("https:\\\\evil.test\\board.example", CONNECTION));
        assertNull(Links.safe("", CONNECTION));
        assertNull(Links.safe(null, CONNECTION));
        assertNull(Links.safe("https://board.example/cards/7", "not a url"));
    }

    @Test
    public void aLinkWithoutAKnownConnectionMustStillBeHttpOrHttps() {
        assertEquals("https://anywhere.example/cards/7", Links.web(" https://Anywhere.example/cards/7"));
        assertNull(Links.web("javascript:alert(document.domain)"));
        assertNull(Links.web("data:text/html,<script>alert(1)</script>"));
        assertNull(Links.web("/cards/7"));
        assertNull(Links.web(null));
    }
}
