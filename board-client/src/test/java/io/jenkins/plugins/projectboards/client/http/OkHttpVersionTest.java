package io.jenkins.plugins.projectboards.client.http;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** Guards the two-version run: the suite must really run on the OkHttp the build selected (4.11.0 or 5.3.2). */
public class OkHttpVersionTest {

    @Test
    public void suiteRunsOnTheSelectedOkHttp() throws Exception {
        // Read reflectively: OkHttp.VERSION is a compile-time constant, so a direct reference would be inlined.
        Object running = okhttp3.OkHttp.class.getField("VERSION").get(null);
        assertEquals(System.getProperty("okhttp.version.expected"), running);
    }
}
