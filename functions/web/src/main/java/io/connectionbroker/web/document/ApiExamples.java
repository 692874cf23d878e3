package io.connectionbroker.web.document;

/**
 * Example bodies for the OpenAPI document, as compile-time constants that annotations can use. The
 * openapi module's tests check each against its schema.
 */
public final class ApiExamples {
    private static final String ID = "{\"id\": \"f1ab0ffc-9c92-476a-8522-2b4901d8b2d9\", \"status\": ";

    private static final String SOURCE = """
            {"instanceId": "ea50b2ea-7651-422c-8ef6-d7572a30a853", "url": "https://acme.zendesk.com",
             "platform": "ZENDESK", "shortName": "acme", "project": "SUPPORT",
             "appUrl": "https://acme.zendesk.com/agent/apps/connection-broker/connections/f1ab0ffc-9c92-476a-8522-2b4901d8b2d9"}""";

    private static final String PUBLIC_IN_MODE = ", \"type\": \"PUBLIC\", \"mode\": ";

    /** After the mode of a connection the destination has not answered yet, up to its invitation's expiry. */
    private static final String UNANSWERED_UNTIL = """
            , "name": "acme to beta", "description": "Support tickets both ways",
             "source": """ + SOURCE + """
            ,
             "destination": {"instanceId": null, "url": "https://beta.freshdesk.com", "platform": "FRESHDESK",
                             "shortName": "beta", "project": null, "appUrl": null},
             "invitationExpiresAt": """;

    private static final String CREATED_FOR = """
            ,
             "createdAt": "2026-11-24T08:47:35.240Z", "updatedAt": "2026-11-24T08:47:35.240Z",
             "yourSide": """;

    private static final String CREATED = CREATED_FOR + "\"SOURCE\"}";

    /** Everything after the status of a SCRIPT connection the destination has not answered yet. */
    private static final String UNANSWERED = PUBLIC_IN_MODE + "\"SCRIPT\"" + UNANSWERED_UNTIL
            + "\"2026-11-27T08:47:35.240Z\"" + CREATED;

    public static final String PENDING_CONNECTION = ID + "\"PENDING\"" + UNANSWERED;

    /** Admin access is for BASIC connections only, and its confirmation lives 15 minutes. */
    public static final String ADMIN_ACCESS_CONNECTION = ID + "\"PENDING\"" + PUBLIC_IN_MODE + "\"BASIC\""
            + UNANSWERED_UNTIL + "\"2026-11-24T09:02:35.240Z\"" + CREATED;

    /** As the declining side sees it: the invitation is answered. */
    public static final String DECLINED_CONNECTION = ID + "\"DECLINED\"" + PUBLIC_IN_MODE + "\"SCRIPT\""
            + UNANSWERED_UNTIL + "null" + CREATED_FOR + "\"DESTINATION\"}";

    public static final String ACTIVE_CONNECTION = ID + "\"ACTIVE\"" + """
            , "type": "PUBLIC", "mode": "SCRIPT", "name": "acme to beta", "description": "Support tickets both ways",
             "source": """ + SOURCE + """
            ,
             "destination": {"instanceId": "9b6e6de2-6c77-4e90-8872-00ee09c82061", "url": "https://beta.freshdesk.com",
                             "platform": "FRESHDESK", "shortName": "beta", "project": "HELP",
                             "appUrl": "https://beta.freshdesk.com/a/apps/connection-broker/connections/f1ab0ffc-9c92-476a-8522-2b4901d8b2d9"},
             "invitationExpiresAt": null,
             "createdAt": "2026-11-24T08:47:35.240Z", "updatedAt": "2026-11-24T08:51:02.118Z",
             "yourSide": "SOURCE"}""";

    public static final String INVITATION = """
            {"code": "cbi_htwz7eaays78wcga_4h0wqp26wd4ggc11934cfb34z6bk1tev2pw4drg",
             "expiresAt": "2026-11-27T08:47:35.240Z"}""";

    private ApiExamples() {
    }
}
