package io.connectionbroker.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AppUrlsTest {
    private static final InstanceUrl ACME = InstanceUrl.parse("url", "https://acme.zendesk.com");

    @Test
    void aJoinedReachableSideGetsItsPlatformsPatternFilledIn() {
        Side side = new Side("i", ACME, Platform.ZENDESK, "acme", "SUPPORT", true);

        assertEquals("https://acme.zendesk.com/agent/apps/connection-broker/connections/c1",
                AppUrls.defaults().appUrl(side, "c1"));
        assertEquals("https://acme.zendesk.com/x?open=connections/c1", new AppUrls(Map.of(Platform.ZENDESK,
                "{url}/x?open={path}", Platform.FRESHDESK, AppUrls.FRESHWORKS_DEFAULT, Platform.FRESHSERVICE,
                AppUrls.FRESHWORKS_DEFAULT)).appUrl(side, "c1"));
    }

    @Test
    void noneForASideNotJoinedYetNorForAPrivateOne() {
        AppUrls urls = AppUrls.defaults();
        InstanceUrl beta = InstanceUrl.parse("url", "https://beta.freshdesk.com");

        assertNull(urls.appUrl(new Side(null, beta, Platform.FRESHDESK, "beta", null, null), "c1"), "not accepted yet");
        assertNull(urls.appUrl(new Side(null, null, null, "beta", null, false), "c1"), "a private destination");
        assertNull(urls.appUrl(new Side("i", beta, Platform.FRESHDESK, "beta", "HELP", false), "c1"),
                "an instance registered as private");
    }

    @Test
    void aPatternOffTheInstancesUrlOrWithoutThePathIsRefusedAtStartUp() {
        for (String wrong : new String[] {"https://evil.example.com/{path}", "{url}/apps", "{url}/a b/{path}", null}) {
            Map<Platform, String> patterns = new java.util.HashMap<>(AppUrls.defaults().patterns());
            patterns.put(Platform.FRESHDESK, wrong);
            assertThrows(IllegalArgumentException.class, () -> new AppUrls(patterns), String.valueOf(wrong));
        }
    }
}
