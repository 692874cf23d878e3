package io.connectionbroker.store.dynamodb;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionStatus;
import io.connectionbroker.domain.ConnectionStore;
import io.connectionbroker.domain.ConnectionType;
import io.connectionbroker.domain.IdempotencyKeyTaken;
import io.connectionbroker.domain.IdempotencyRecord;
import io.connectionbroker.domain.Instance;
import io.connectionbroker.domain.InstanceKey;
import io.connectionbroker.domain.InstanceUrl;
import io.connectionbroker.domain.Invitation;
import io.connectionbroker.domain.License;
import io.connectionbroker.domain.Mode;
import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RuleSet;
import io.connectionbroker.domain.SecretHash;
import io.connectionbroker.domain.Side;
import io.connectionbroker.domain.StoreUnavailable;
import io.connectionbroker.domain.SyncRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The {@link ConnectionStore} on one DynamoDB table. Every read is a consistent key lookup and every
 * multi-record write one {@code TransactWriteItems}, so a caller sees its own writes at once and no
 * write is ever half done.
 */
public final class DynamoDbConnectionStore implements ConnectionStore {
    static final String INSTANCE = "INSTANCE";
    static final String INSTANCE_URL = "INSTANCE_URL";
    static final String API_KEY = "API_KEY";
    /** One per key, under the instance: an instance's keys are a key query on these. */
    static final String KEY = "KEY";
    static final String CONNECTION = "CONNECTION";
    static final String INVITATION = "INVITATION";
    /** One per side of a connection, under the instance: the Connections tab is a key query on these. */
    static final String MEMBERSHIP = "MEMBERSHIP";
    /** A connection's rule sets live under its partition key, one item per owner: RULES#SOURCE and so on. */
    static final String RULES = "RULES";
    /** A request's Idempotency-Key and its sealed first answer, under its scope and the key's hash. */
    static final String IDEMPOTENCY = "IDEMPOTENCY";
    private static final String VERSION = "version";
    private static final String OUTGOING = "outgoing";
    private static final String INCOMING = "incoming";
    private static final java.util.regex.Pattern MEMBERSHIP_SORT_KEY = java.util.regex.Pattern.compile(
            CONNECTION + "#[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z#[0-9a-f-]{36}");
    private static final java.time.format.DateTimeFormatter SORTABLE_INSTANT =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);
    private static final int BATCH_GET_ATTEMPTS = 5;

    private static final String ENTITY = "entity";
    private static final String ID = "id";
    private static final String INSTANCE_ID = "instanceId";
    private static final String URL = "url";
    private static final String PLATFORM = "platform";
    private static final String LICENSE = "license";
    private static final String TRIAL_ENDS_AT = "trialEndsAt";
    /** Beside an invitation: one caller's wrong codes for it, and its lock. */
    private static final String TRIES = "TRIES";
    /** Longer than any invitation lives, so that a count is never forgotten while its invitation can be tried. */
    private static final java.time.Duration TRIES_KEPT = java.time.Duration.ofDays(8);
    /** On a URL claim: the instance that held the URL has moved to another. */
    private static final String FORMER = "former";
    private static final String PUBLIC = "public";
    private static final String SECRET_HASH = "secretHash";
    private static final String CREATED_AT = "createdAt";
    private static final String UPDATED_AT = "updatedAt";
    private static final String STATUS = "status";
    private static final String TYPE = "type";
    private static final String MODE = "mode";
    private static final String NAME = "name";
    private static final String DESCRIPTION = "description";
    private static final String SOURCE = "source";
    private static final String DESTINATION = "destination";
    private static final String SHORT_NAME = "ShortName";
    private static final String PROJECT = "Project";
    private static final String INVITATION_ID = "invitationId";
    private static final String INVITATION_EXPIRES_AT = "invitationExpiresAt";
    private static final String CONNECTION_ID = "connectionId";
    private static final String EXPIRES_AT = "expiresAt";
    private static final String ANSWER = "answer";
    private static final String ANSWERED_AT = "answeredAt";
    private static final String ANSWERED_BY = "answeredBy";
    private static final String LAST_USED_AT = "lastUsedAt";
    private static final String WRONG_CODES = "wrongCodes";
    private static final String LOCKED_UNTIL = "lockedUntil";
    /** On the instance item: how many keys it has, so that adding and revoking keys can be conditional. */
    private static final String KEY_COUNT = "keyCount";
    private static final String SCOPE = "scope";
    private static final String FINGERPRINT = "fingerprint";
    private static final String SEALED_ANSWER = "sealedAnswer";
    private static final String KEPT_AT = "keptAt";
    /** A random id each single conditional put writes, so that it can tell its own change from another's. */
    private static final String WRITE_ID = "writeId";

    /** Concurrent transactions on one item may cancel each other; a few quick retries settle who won. */
    private static final int CONFLICT_ATTEMPTS = 5;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final DynamoDbClient client;
    private final String tableName;

    public DynamoDbConnectionStore(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotencyRecord(String scope, String key) {
        return get(idempotencyKey(scope, key)).map(item -> new IdempotencyRecord(item.string(SCOPE), key,
                item.string(FINGERPRINT), item.attributes().get(SEALED_ANSWER).b().asByteArray(),
                item.instant(KEPT_AT)));
    }

    /** The key hashed: keys are the caller's text, up to 255 characters of anything printable. */
    private static Item idempotencyKey(String scope, String key) {
        return Item.keyed(IDEMPOTENCY + "#" + scope + "#" + SecretHash.of(key).toBase64(), IDEMPOTENCY);
    }

    /** Writes the record unless a live one holds its key; the transaction then fails on this item. */
    private TransactWriteItem putIdempotencyRecord(IdempotencyRecord record) {
        Item item = idempotencyKey(record.scope(), record.key()).with(ENTITY, IDEMPOTENCY)
                .with(SCOPE, record.scope()).with(FINGERPRINT, record.fingerprint()).with(KEPT_AT, record.keptAt())
                .withNumber(ConnectionTable.TTL_ATTRIBUTE, record.expiresAt().getEpochSecond());
        item.attributes().put(SEALED_ANSWER,
                AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(record.sealedAnswer())));
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(item.attributes())
                .conditionExpression("attribute_not_exists(#pk) OR #ttl <= :now")
                .expressionAttributeNames(Map.of("#pk", ConnectionTable.PARTITION_KEY,
                        "#ttl", ConnectionTable.TTL_ATTRIBUTE))
                .expressionAttributeValues(Map.of(":now",
                        AttributeValue.fromN(Long.toString(record.keptAt().getEpochSecond()))))
                .build()).build();
    }

    @Override
    public boolean registerInstance(Instance instance, InstanceKey key, IdempotencyRecord kept) {
        Item urlClaim = Item.keyed(INSTANCE_URL + "#" + instance.url().value(), INSTANCE_URL)
                .with(ENTITY, INSTANCE_URL).with(INSTANCE_ID, instance.id());
        return transact(List.of(putClaim(urlClaim), putNew(instanceItem(instance).withNumber(KEY_COUNT, 1)),
                putNew(keyItem(key)), putNew(keyListingItem(key))), kept);
    }

    private static Item keyItem(InstanceKey key) {
        return Item.keyed(API_KEY + "#" + key.keyId(), API_KEY)
                .with(ENTITY, API_KEY).with(ID, key.keyId()).with(INSTANCE_ID, key.instanceId())
                .with(SECRET_HASH, key.hash().toBase64()).with(CREATED_AT, key.createdAt())
                .with(LAST_USED_AT, key.lastUsedAt() == null ? null : SORTABLE_INSTANT.format(key.lastUsedAt()));
    }

    private static Item keyListingItem(InstanceKey key) {
        return Item.keyed(INSTANCE + "#" + key.instanceId(), KEY + "#" + key.keyId()).with(ENTITY, KEY)
                .with(ID, key.keyId());
    }

    private static InstanceKey key(Item item) {
        return new InstanceKey(item.string(ID), item.string(INSTANCE_ID), SecretHash.fromBase64(item.string(SECRET_HASH)),
                item.instant(CREATED_AT), item.instant(LAST_USED_AT));
    }

    @Override
    public List<InstanceKey> findKeys(String instanceId) {
        List<Map<String, AttributeValue>> keys = available(() -> client.query(query -> query.tableName(tableName)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", ConnectionTable.PARTITION_KEY, "#sk", ConnectionTable.SORT_KEY))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(INSTANCE + "#" + instanceId),
                        ":prefix", AttributeValue.fromS(KEY + "#")))
                .consistentRead(true)))
                .items().stream().map(Item::of).map(listing -> Item.keyed(API_KEY + "#" + listing.string(ID), API_KEY)
                        .attributes()).toList();
        // A key revoked between the query and the read is left out.
        return batchGet(keys).stream().map(DynamoDbConnectionStore::key).toList();
    }

    @Override
    public boolean addKey(InstanceKey key, int maxKeys, IdempotencyRecord kept) {
        TransactWriteItem count = TransactWriteItem.builder().update(Update.builder().tableName(tableName)
                .key(Item.keyed(INSTANCE + "#" + key.instanceId(), INSTANCE).attributes())
                .updateExpression("SET #count = #count + :one")
                .conditionExpression("#count < :max")
                .expressionAttributeNames(Map.of("#count", KEY_COUNT))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                        ":max", AttributeValue.fromN(Integer.toString(maxKeys))))
                .build()).build();
        return transact(List.of(putNew(keyItem(key)), putNew(keyListingItem(key)), count), kept);
    }

    @Override
    public boolean revokeKey(InstanceKey key) {
        TransactWriteItem count = TransactWriteItem.builder().update(Update.builder().tableName(tableName)
                .key(Item.keyed(INSTANCE + "#" + key.instanceId(), INSTANCE).attributes())
                .updateExpression("SET #count = #count - :one")
                .conditionExpression("#count > :one")
                .expressionAttributeNames(Map.of("#count", KEY_COUNT))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .build()).build();
        TransactWriteItem lookup = TransactWriteItem.builder().delete(Delete.builder().tableName(tableName)
                .key(Item.keyed(API_KEY + "#" + key.keyId(), API_KEY).attributes())
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", ConnectionTable.PARTITION_KEY))
                .build()).build();
        return transact(List.of(lookup,
                deleteItem(Item.keyed(INSTANCE + "#" + key.instanceId(), KEY + "#" + key.keyId())), count), null);
    }

    @Override
    public boolean replaceKeys(String instanceId, List<InstanceKey> revoked, InstanceKey added, IdempotencyRecord kept) {
        // The count holds only if no key was added meanwhile; each delete only if its key is still there.
        TransactWriteItem count = TransactWriteItem.builder().update(Update.builder().tableName(tableName)
                .key(Item.keyed(INSTANCE + "#" + instanceId, INSTANCE).attributes())
                .updateExpression("SET #count = :one")
                .conditionExpression("#count = :read")
                .expressionAttributeNames(Map.of("#count", KEY_COUNT))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                        ":read", AttributeValue.fromN(Integer.toString(revoked.size()))))
                .build()).build();
        List<TransactWriteItem> writes = new java.util.ArrayList<>(List.of(count, putNew(keyItem(added)),
                putNew(keyListingItem(added))));
        for (InstanceKey key : revoked) {
            writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(tableName)
                    .key(Item.keyed(API_KEY + "#" + key.keyId(), API_KEY).attributes())
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", ConnectionTable.PARTITION_KEY))
                    .build()).build());
            writes.add(deleteItem(Item.keyed(INSTANCE + "#" + instanceId, KEY + "#" + key.keyId())));
        }
        return transact(writes, kept);
    }

    @Override
    public void recordKeyUse(String keyId, Instant at, Instant since) {
        try {
            available(() -> client.updateItem(update -> update.tableName(tableName)
                    .key(Item.keyed(API_KEY + "#" + keyId, API_KEY).attributes())
                    .updateExpression("SET #used = :at")
                    .conditionExpression("attribute_exists(#pk) AND (attribute_not_exists(#used) OR #used < :since)")
                    .expressionAttributeNames(Map.of("#used", LAST_USED_AT, "#pk", ConnectionTable.PARTITION_KEY))
                    // Fixed-width times, so that comparing the text compares the times.
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(SORTABLE_INSTANT.format(at)),
                            ":since", AttributeValue.fromS(SORTABLE_INSTANT.format(since))))));
        } catch (ConditionalCheckFailedException recordedMeanwhileOrRevoked) {
            // Another request recorded a use within the hour, or the key was revoked: nothing to do.
        }
    }

    @Override
    public Optional<Instance> setLicense(String instanceId, License license, Instant trialEndsAt) {
        Map<String, String> names = new java.util.HashMap<>(Map.of("#pk", ConnectionTable.PARTITION_KEY,
                "#license", LICENSE));
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(":license",
                AttributeValue.fromS(license.name())));
        String update = "SET #license = :license";
        if (trialEndsAt != null) {
            names.put("#trialEndsAt", TRIAL_ENDS_AT);
            values.put(":trialEndsAt", AttributeValue.fromS(trialEndsAt.toString()));
            update += ", #trialEndsAt = :trialEndsAt";
        }
        String expression = update;
        try {
            // Setting the same values again is harmless, so a retried attempt needs no write id.
            return Optional.of(instance(Item.of(available(() -> client.updateItem(request -> request
                    .tableName(tableName)
                    .key(Item.keyed(INSTANCE + "#" + instanceId, INSTANCE).attributes())
                    .updateExpression(expression)
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_NEW)))
                    .attributes())));
        } catch (ConditionalCheckFailedException noSuchInstance) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Instance> findInstance(String instanceId) {
        return get(INSTANCE + "#" + instanceId, INSTANCE).map(DynamoDbConnectionStore::instance);
    }

    @Override
    public Optional<Instance> findInstanceByUrl(InstanceUrl url) {
        return get(INSTANCE_URL + "#" + url.value(), INSTANCE_URL).filter(claim -> !claim.bool(FORMER))
                .flatMap(claim -> findInstance(claim.string(INSTANCE_ID)));
    }

    @Override
    public Optional<String> formerHolderOf(InstanceUrl url) {
        return get(INSTANCE_URL + "#" + url.value(), INSTANCE_URL).filter(claim -> claim.bool(FORMER))
                .map(claim -> claim.string(INSTANCE_ID));
    }

    @Override
    public boolean changeUrl(Instance instance, InstanceUrl url) {
        // The old URL stays claimed as the instance's former one (its pending invitations remain its own) until
        // someone registers it; the new one must be free, or someone's former one.
        TransactWriteItem former = TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                .item(Item.keyed(INSTANCE_URL + "#" + instance.url().value(), INSTANCE_URL)
                        .with(ENTITY, INSTANCE_URL).with(INSTANCE_ID, instance.id()).with(FORMER, true).attributes())
                .conditionExpression("#instanceId = :id")
                .expressionAttributeNames(Map.of("#instanceId", INSTANCE_ID))
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(instance.id())))
                .build()).build();
        Item claim = Item.keyed(INSTANCE_URL + "#" + url.value(), INSTANCE_URL)
                .with(ENTITY, INSTANCE_URL).with(INSTANCE_ID, instance.id());
        TransactWriteItem move = TransactWriteItem.builder().update(Update.builder().tableName(tableName)
                .key(Item.keyed(INSTANCE + "#" + instance.id(), INSTANCE).attributes())
                .updateExpression("SET #url = :new")
                .conditionExpression("#url = :old")
                .expressionAttributeNames(Map.of("#url", URL))
                .expressionAttributeValues(Map.of(":new", AttributeValue.fromS(url.value()),
                        ":old", AttributeValue.fromS(instance.url().value())))
                .build()).build();
        return transact(List.of(former, putClaim(claim), move), null);
    }

    @Override
    public void moveSides(String instanceId, InstanceUrl url) {
        String after = null;
        do {
            ConnectionPage page = findConnectionsOf(instanceId, 100, after);
            for (Connection connection : page.connections()) {
                if (instanceId.equals(connection.source().instanceId()) && !url.equals(connection.source().url())) {
                    moveSide(connection.id(), SOURCE, instanceId, url);
                }
                if (instanceId.equals(connection.destination().instanceId())
                        && !url.equals(connection.destination().url())) {
                    moveSide(connection.id(), DESTINATION, instanceId, url);
                }
            }
            after = page.next();
        } while (after != null);
    }

    /** Sets one side's URL, on condition that the side is still the instance's (the read may be stale). */
    private void moveSide(String connectionId, String side, String instanceId, InstanceUrl url) {
        try {
            available(() -> client.updateItem(update -> update.tableName(tableName)
                    .key(Item.keyed(CONNECTION + "#" + connectionId, CONNECTION).attributes())
                    .updateExpression("SET #url = :url ADD #version :one")
                    .conditionExpression("#instanceId = :id")
                    .expressionAttributeNames(Map.of("#url", side + "Url", "#instanceId", side + "InstanceId",
                            "#version", VERSION))
                    .expressionAttributeValues(Map.of(":url", AttributeValue.fromS(url.value()),
                            ":id", AttributeValue.fromS(instanceId), ":one", AttributeValue.fromN("1")))));
        } catch (ConditionalCheckFailedException notThisInstancesSideOrDeleted) {
            // The connection was deleted meanwhile: nothing to move.
        }
    }

    @Override
    public void keep(IdempotencyRecord kept) {
        transact(List.of(), kept);
    }

    @Override
    public Optional<InstanceKey> findKey(String keyId) {
        return get(API_KEY + "#" + keyId, API_KEY).map(DynamoDbConnectionStore::key);
    }

    @Override
    public void createConnection(Connection connection, Invitation invitation, Map<RuleSet.Owner, RuleSet> rules,
                                 IdempotencyRecord kept) {
        List<TransactWriteItem> writes = new java.util.ArrayList<>(List.of(putNew(connectionItem(connection)),
                putNew(invitationItem(invitation)), putNew(membershipItem(connection.source().instanceId(), connection))));
        rules.forEach((owner, set) -> writes.add(putNew(rulesItem(connection.id(), owner, set))));
        if (!transact(writes, kept)) {
            throw new IllegalStateException("a new connection or invitation id was taken: " + connection.id());
        }
    }

    @Override
    public Optional<RuleSet> findRules(String connectionId, RuleSet.Owner owner) {
        return get(rulesKey(connectionId, owner)).map(item -> new RuleSet(
                Integer.parseInt(item.attributes().get(VERSION).n()), rules(item, OUTGOING), rules(item, INCOMING)));
    }

    @Override
    public boolean replaceRules(String connectionId, RuleSet.Owner owner, RuleSet next, int expectedVersion) {
        return conditionalPut(rulesItem(connectionId, owner, next), "#version = :expected", Map.of("#version", VERSION),
                Map.of(":expected", AttributeValue.fromN(Integer.toString(expectedVersion))));
    }

    @Override
    public Optional<Connection> findConnection(String connectionId) {
        return get(CONNECTION + "#" + connectionId, CONNECTION).map(DynamoDbConnectionStore::connection);
    }

    @Override
    public Optional<Invitation> findInvitation(String invitationId) {
        return get(INVITATION + "#" + invitationId, INVITATION).map(DynamoDbConnectionStore::invitation);
    }

    private static Invitation invitation(Item item) {
        return new Invitation(item.string(ID),
                item.string(CONNECTION_ID), SecretHash.fromBase64(item.string(SECRET_HASH)),
                item.instant(EXPIRES_AT), item.enumValue(ANSWER, Invitation.Answer.class), item.instant(ANSWERED_AT),
                item.string(ANSWERED_BY));
    }

    @Override
    public Optional<Invitation> findInvitation(String invitationId, String callerId) {
        // One round trip: the invitation and the caller's tries at it.
        Map<String, Item> found = new java.util.HashMap<>();
        batchGet(List.of(Item.keyed(INVITATION + "#" + invitationId, INVITATION).attributes(),
                triesKey(invitationId, callerId).attributes()))
                .forEach(item -> found.put(item.string(ConnectionTable.SORT_KEY), item));
        Item tries = found.get(TRIES + "#" + callerId);
        return Optional.ofNullable(found.get(INVITATION)).map(DynamoDbConnectionStore::invitation)
                .map(invitation -> tries == null ? invitation : invitation.withTries(
                        Integer.parseInt(tries.attributes().get(WRONG_CODES).n()),
                        tries.string(LOCKED_UNTIL) == null ? null : Instant.parse(tries.string(LOCKED_UNTIL))));
    }

    @Override
    public void recordWrongCode(String invitationId, String callerId, int limit, Instant now, Instant lockedUntil) {
        Map<String, AttributeValue> key = triesKey(invitationId, callerId).attributes();
        long keptUntil = now.plus(TRIES_KEPT).getEpochSecond();
        // Fixed-width times, so that comparing the text compares the times.
        AttributeValue nowValue = AttributeValue.fromS(SORTABLE_INSTANT.format(now));
        try {
            var counted = available(() -> client.updateItem(update -> update.tableName(tableName).key(key)
                    .updateExpression("SET #ttl = :kept ADD #wrong :one")
                    .conditionExpression("attribute_not_exists(#locked) OR #locked > :now")
                    .expressionAttributeNames(Map.of("#wrong", WRONG_CODES, "#locked", LOCKED_UNTIL,
                            "#ttl", ConnectionTable.TTL_ATTRIBUTE))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                            ":kept", AttributeValue.fromN(Long.toString(keptUntil)), ":now", nowValue))
                    .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.UPDATED_NEW)));
            if (Integer.parseInt(counted.attributes().get(WRONG_CODES).n()) >= limit) {
                available(() -> client.updateItem(update -> update.tableName(tableName).key(key)
                        .updateExpression("SET #locked = :until")
                        .conditionExpression("attribute_not_exists(#locked)")
                        .expressionAttributeNames(Map.of("#locked", LOCKED_UNTIL))
                        .expressionAttributeValues(Map.of(":until",
                                AttributeValue.fromS(SORTABLE_INSTANT.format(lockedUntil))))));
            }
        } catch (ConditionalCheckFailedException lockedBefore) {
            // The caller's lock has lapsed (or was set meanwhile): this wrong code starts the count afresh.
            try {
                available(() -> client.putItem(put -> put.tableName(tableName)
                        .item(triesKey(invitationId, callerId).withNumber(WRONG_CODES, 1)
                                .withNumber(ConnectionTable.TTL_ATTRIBUTE, keptUntil)
                                .attributes())
                        .conditionExpression("#locked <= :now")
                        .expressionAttributeNames(Map.of("#locked", LOCKED_UNTIL))
                        .expressionAttributeValues(Map.of(":now", nowValue))));
            } catch (ConditionalCheckFailedException lockedMeanwhile) {
                // Another request locked the caller out meanwhile: the lock stands.
            }
        }
    }

    /** Where a caller's wrong codes for an invitation id are counted, beside the invitation. */
    private static Item triesKey(String invitationId, String callerId) {
        return Item.keyed(INVITATION + "#" + invitationId, TRIES + "#" + callerId);
    }

    @Override
    public boolean answerInvitation(Invitation invitation, Invitation.Answer answer, String answeredBy,
                                    Instant answeredAt, Connection changed, IdempotencyRecord kept) {
        Item invitationKey = Item.keyed(INVITATION + "#" + invitation.id(), INVITATION);
        TransactWriteItem answerInvitation = TransactWriteItem.builder().update(Update.builder()
                .tableName(tableName)
                .key(invitationKey.attributes())
                .updateExpression("SET #answer = :answer, #answeredAt = :answeredAt, #answeredBy = :answeredBy")
                .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#answer)")
                .expressionAttributeNames(Map.of("#pk", ConnectionTable.PARTITION_KEY, "#answer", ANSWER,
                        "#answeredAt", ANSWERED_AT, "#answeredBy", ANSWERED_BY))
                .expressionAttributeValues(Map.of(":answer", AttributeValue.fromS(answer.name()),
                        ":answeredAt", AttributeValue.fromS(answeredAt.toString()),
                        ":answeredBy", AttributeValue.fromS(answeredBy)))
                .build()).build();
        List<TransactWriteItem> writes = new java.util.ArrayList<>(List.of(answerInvitation, putOver(changed)));
        String destination = changed.destination().instanceId();
        if (answer == Invitation.Answer.ACCEPTED && destination != null
                && !destination.equals(changed.source().instanceId())) {
            writes.add(put(membershipItem(destination, changed)));
        }
        return transact(writes, kept);
    }

    @Override
    public boolean replaceInvitation(Connection changed, String previousInvitationId, Invitation next,
                                     IdempotencyRecord kept) {
        return transact(List.of(putOver(changed), putNew(invitationItem(next)),
                deleteItem(Item.keyed(INVITATION + "#" + previousInvitationId, INVITATION))), kept);
    }

    @Override
    public boolean upgradeMode(Connection upgraded, Map<RuleSet.Owner, RuleSet> rules, IdempotencyRecord kept) {
        List<TransactWriteItem> writes = new java.util.ArrayList<>();
        writes.add(putOver(upgraded));
        // Each rule item once: the new mode's sets written, the others deleted.
        for (RuleSet.Owner owner : RuleSet.Owner.values()) {
            RuleSet set = rules.get(owner);
            writes.add(set != null ? put(rulesItem(upgraded.id(), owner, set)) : deleteItem(rulesKey(upgraded.id(), owner)));
        }
        return transact(writes, kept);
    }

    @Override
    public boolean deleteConnection(Connection connection) {
        ConnectionVersion read = ConnectionVersion.of(connection.version());
        TransactWriteItem deleteConnection = TransactWriteItem.builder().delete(Delete.builder()
                .tableName(tableName)
                .key(Item.keyed(CONNECTION + "#" + connection.id(), CONNECTION).attributes())
                .conditionExpression(read.condition())
                .expressionAttributeNames(read.names())
                .expressionAttributeValues(read.values())
                .build()).build();
        TransactWriteItem deleteInvitation = deleteItem(Item.keyed(INVITATION + "#" + connection.invitationId(), INVITATION));
        List<TransactWriteItem> writes = new java.util.ArrayList<>(List.of(deleteConnection, deleteInvitation,
                deleteItem(membershipKey(connection.source().instanceId(), connection))));
        for (RuleSet.Owner owner : RuleSet.Owner.values()) {
            writes.add(deleteItem(rulesKey(connection.id(), owner)));
        }
        String destination = connection.destination().instanceId();
        if (destination != null && !destination.equals(connection.source().instanceId())) {
            writes.add(deleteItem(membershipKey(destination, connection)));
        }
        return transact(writes, null);
    }

    @Override
    public ConnectionPage findConnectionsOf(String instanceId, int limit, String after) {
        if (after != null && !MEMBERSHIP_SORT_KEY.matcher(after).matches()) {
            throw new IllegalArgumentException("not a position of this store");
        }
        Map<String, AttributeValue> values = Map.of(":pk", AttributeValue.fromS(INSTANCE + "#" + instanceId),
                ":prefix", AttributeValue.fromS(CONNECTION + "#"));
        // One more than asked, so the answer knows whether a next page exists.
        var query = software.amazon.awssdk.services.dynamodb.model.QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", ConnectionTable.PARTITION_KEY, "#sk", ConnectionTable.SORT_KEY))
                .expressionAttributeValues(values)
                .scanIndexForward(false)
                .consistentRead(true)
                .limit(limit + 1);
        if (after != null) {
            query.exclusiveStartKey(Item.keyed(INSTANCE + "#" + instanceId, after).attributes());
        }
        List<Item> memberships = available(() -> client.query(query.build())).items().stream().map(Item::of).toList();
        List<Item> page = memberships.subList(0, Math.min(limit, memberships.size()));
        String next = memberships.size() > limit ? page.get(page.size() - 1).string(ConnectionTable.SORT_KEY) : null;
        Map<String, Connection> found = connectionsById(page.stream().map(m -> m.string(CONNECTION_ID)).toList());
        // A connection deleted between the query and the read is left out.
        List<Connection> connections = page.stream().map(m -> found.get(m.string(CONNECTION_ID)))
                .filter(java.util.Objects::nonNull).toList();
        return new ConnectionPage(connections, next);
    }

    private Map<String, Connection> connectionsById(List<String> ids) {
        Map<String, Connection> found = new java.util.HashMap<>();
        batchGet(ids.stream().map(id -> Item.keyed(CONNECTION + "#" + id, CONNECTION).attributes()).toList())
                .stream().map(DynamoDbConnectionStore::connection).forEach(c -> found.put(c.id(), c));
        return found;
    }

    /** Reads items in one consistent batch, retrying the keys DynamoDB leaves unprocessed; missing ones are left out. */
    private List<Item> batchGet(List<Map<String, AttributeValue>> keys) {
        List<Item> found = new java.util.ArrayList<>();
        if (keys.isEmpty()) {
            return found;
        }
        Map<String, software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes> request = Map.of(tableName,
                software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        for (int attempt = 1; !request.isEmpty(); attempt++) {
            if (attempt > BATCH_GET_ATTEMPTS) {
                throw new StoreUnavailable("The database is busy right now. Send the same request again.", RETRY_AFTER);
            }
            var pending = request;
            var response = available(() -> client.batchGetItem(r -> r.requestItems(pending)));
            response.responses().getOrDefault(tableName, List.of()).stream().map(Item::of).forEach(found::add);
            request = response.unprocessedKeys();
            if (!request.isEmpty()) {
                pause(attempt);
            }
        }
        return found;
    }

    /** Rules as a list of "field|TRANSFORM" strings, in order: plain data, readable in a table dump. */
    private static Item rulesItem(String connectionId, RuleSet.Owner owner, RuleSet set) {
        Item item = rulesKey(connectionId, owner).with(ENTITY, RULES)
                .withNumber(VERSION, set.version());
        item.attributes().put(OUTGOING, encodeRules(set.outgoing()));
        item.attributes().put(INCOMING, encodeRules(set.incoming()));
        return item;
    }

    private static Item rulesKey(String connectionId, RuleSet.Owner owner) {
        return Item.keyed(CONNECTION + "#" + connectionId, RULES + "#" + owner);
    }

    private static AttributeValue encodeRules(List<SyncRule> rules) {
        return AttributeValue.fromL(rules.stream().map(rule -> AttributeValue.fromS(rule.field().apiName() + "|"
                + rule.transform())).toList());
    }

    /** Reads "field|TRANSFORM", and "field|DIRECTION|TRANSFORM" as rules were stored before their list alone said it. */
    private static List<SyncRule> rules(Item item, String name) {
        return item.attributes().get(name).l().stream().map(value -> {
            String[] parts = value.s().split("\\|");
            return new SyncRule(SyncRule.Field.ofApiName(parts[0]), SyncRule.Transform.valueOf(parts[parts.length - 1]));
        }).toList();
    }

    private static Item membershipKey(String instanceId, Connection connection) {
        return Item.keyed(INSTANCE + "#" + instanceId,
                CONNECTION + "#" + SORTABLE_INSTANT.format(connection.createdAt()) + "#" + connection.id());
    }

    private static Item membershipItem(String instanceId, Connection connection) {
        return membershipKey(instanceId, connection).with(ENTITY, MEMBERSHIP).with(CONNECTION_ID, connection.id());
    }

    private TransactWriteItem put(Item item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item.attributes()).build())
                .build();
    }

    /** A changed connection's put, which applies only over the version the change was decided from. */
    private TransactWriteItem putOver(Connection changed) {
        ConnectionVersion read = ConnectionVersion.of(changed.decidedFrom());
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(connectionItem(changed).attributes())
                .conditionExpression(read.condition())
                .expressionAttributeNames(read.names())
                .expressionAttributeValues(read.values())
                .build()).build();
    }

    /** A URL claim, written where no instance holds the URL, or where one held it formerly. */
    private TransactWriteItem putClaim(Item claim) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(claim.attributes())
                .conditionExpression("attribute_not_exists(#pk) OR #former = :true")
                .expressionAttributeNames(Map.of("#pk", ConnectionTable.PARTITION_KEY, "#former", FORMER))
                .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true)))
                .build()).build();
    }

    private TransactWriteItem deleteItem(Item key) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(tableName).key(key.attributes()).build())
                .build();
    }

    @Override
    public boolean replaceConnection(Connection changed, IdempotencyRecord kept) {
        if (kept != null) {
            return transact(List.of(putOver(changed)), kept);
        }
        ConnectionVersion read = ConnectionVersion.of(changed.decidedFrom());
        return conditionalPut(connectionItem(changed), read.condition(), read.names(), read.values());
    }

    /**
     * Puts the item if the condition holds.
     *
     * <p>When an attempt's answer is lost after DynamoDB applied it, the SDK sends the put again, and that
     * attempt finds the condition false because of this very put. So each put writes a random id of its own,
     * and a failed condition over an item holding that id is the put having succeeded.
     *
     * @return false when the condition failed because of another write (nothing was written)
     */
    private boolean conditionalPut(Item item, String condition, Map<String, String> names, Map<String, AttributeValue> values) {
        String writeId = UUID.randomUUID().toString();
        Map<String, AttributeValue> attributes = item.with(WRITE_ID, writeId).attributes();
        try {
            available(() -> client.putItem(request -> request.tableName(tableName).item(attributes)
                    .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
            return true;
        } catch (ConditionalCheckFailedException failed) {
            AttributeValue found = failed.hasItem() ? failed.item().get(WRITE_ID) : null;
            return found != null && writeId.equals(found.s());
        }
    }

    /**
     * Runs one transaction, with the request's idempotency record (if any) as its last item.
     *
     * @return false when a condition failed (nothing was written); true when everything was written
     * @throws IdempotencyKeyTaken when a live record holds the record's key (nothing was written)
     */
    private boolean transact(List<TransactWriteItem> effect, IdempotencyRecord kept) {
        List<TransactWriteItem> writes = new java.util.ArrayList<>(effect);
        if (kept != null) {
            writes.add(putIdempotencyRecord(kept));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                available(() -> client.transactWriteItems(request -> request.transactItems(writes)));
                return true;
            } catch (TransactionCanceledException cancelled) {
                List<String> reasons = cancelled.cancellationReasons().stream().map(CancellationReason::code).toList();
                if (kept != null && reasons.size() == writes.size()
                        && "ConditionalCheckFailed".equals(reasons.get(reasons.size() - 1))) {
                    throw new IdempotencyKeyTaken();
                }
                if (reasons.contains("ConditionalCheckFailed")) {
                    return false;
                }
                boolean contended = reasons.contains("TransactionConflict");
                if (!contended && !reasons.contains("ThrottlingError") && !reasons.contains("ProvisionedThroughputExceeded")) {
                    throw cancelled;
                }
                if (attempt == CONFLICT_ATTEMPTS) {
                    throw new StoreUnavailable("The records this request changes are busy with other requests."
                            + " Send the same request again.", RETRY_AFTER);
                }
                pause(attempt);
            }
        }
    }

    private Optional<Item> get(String partitionKey, String sortKey) {
        return get(Item.keyed(partitionKey, sortKey));
    }

    private Optional<Item> get(Item key) {
        GetItemResponse response = available(() ->
                client.getItem(request -> request.tableName(tableName).key(key.attributes()).consistentRead(true)));
        return response.hasItem() ? Optional.of(Item.of(response.item())) : Optional.empty();
    }

    /** Turns what the caller can only wait out (throttling, a service fault, a network failure) into one refusal. */
    private static <T> T available(Supplier<T> call) {
        try {
            return call.get();
        } catch (TransactionCanceledException | ConditionalCheckFailedException conditionOrConflict) {
            throw conditionOrConflict;
        } catch (DynamoDbException e) {
            if (e.isThrottlingException() || e.statusCode() >= 500) {
                throw new StoreUnavailable("The database is busy right now. Send the same request again.", RETRY_AFTER);
            }
            throw e;
        } catch (SdkClientException e) {
            throw new StoreUnavailable("The database could not be reached. Send the same request again.", RETRY_AFTER);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable("The request was interrupted. Send the same request again.", RETRY_AFTER);
        }
    }

    private TransactWriteItem putNew(Item item) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(item.attributes())
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", ConnectionTable.PARTITION_KEY))
                .build()).build();
    }

    private static Item instanceItem(Instance instance) {
        return Item.keyed(INSTANCE + "#" + instance.id(), INSTANCE)
                .with(ENTITY, INSTANCE).with(ID, instance.id()).with(URL, instance.url().value())
                .with(PLATFORM, instance.platform()).with(LICENSE, instance.license())
                .with(TRIAL_ENDS_AT, instance.trialEndsAt()).with(PUBLIC, instance.isPublic()).with(CREATED_AT, instance.createdAt());
    }

    private static Instance instance(Item item) {
        return new Instance(item.string(ID), InstanceUrl.ofStored(item.string(URL)),
                item.enumValue(PLATFORM, Platform.class), item.enumValue(LICENSE, License.class), item.instant(TRIAL_ENDS_AT),
                item.bool(PUBLIC),
                item.instant(CREATED_AT));
    }

    private static Item connectionItem(Connection connection) {
        Item item = Item.keyed(CONNECTION + "#" + connection.id(), CONNECTION)
                .with(ENTITY, CONNECTION).with(ID, connection.id()).with(STATUS, connection.status())
                .with(TYPE, connection.type()).with(MODE, connection.mode()).with(NAME, connection.name())
                .with(DESCRIPTION, connection.description())
                .with(INVITATION_ID, connection.invitationId())
                .with(INVITATION_EXPIRES_AT, connection.invitationExpiresAt())
                .with(CREATED_AT, connection.createdAt()).with(UPDATED_AT, connection.updatedAt())
                .withNumber(VERSION, connection.version());
        writeSide(item, SOURCE, connection.source());
        writeSide(item, DESTINATION, connection.destination());
        return item;
    }

    private static Connection connection(Item item) {
        return new Connection(item.string(ID), item.enumValue(STATUS, ConnectionStatus.class),
                item.enumValue(TYPE, ConnectionType.class), item.enumValue(MODE, Mode.class), item.string(NAME),
                item.string(DESCRIPTION), readSide(item, SOURCE), readSide(item, DESTINATION),
                item.string(INVITATION_ID), item.instant(INVITATION_EXPIRES_AT), item.instant(CREATED_AT),
                item.instant(UPDATED_AT), ConnectionVersion.read(item.attributes().get(VERSION)));
    }

    private static void writeSide(Item item, String prefix, Side side) {
        item.with(prefix + "InstanceId", side.instanceId())
                .with(prefix + "Url", side.url() == null ? null : side.url().value())
                .with(prefix + "Platform", side.platform())
                .with(prefix + SHORT_NAME, side.shortName())
                .with(prefix + PROJECT, side.project());
        if (side.reachable() != null) {
            item.with(prefix + "Reachable", side.reachable().booleanValue());
        }
    }

    private static Side readSide(Item item, String prefix) {
        String url = item.string(prefix + "Url");
        return new Side(item.string(prefix + "InstanceId"), url == null ? null : InstanceUrl.ofStored(url),
                item.enumValue(prefix + "Platform", Platform.class), item.string(prefix + SHORT_NAME),
                item.string(prefix + PROJECT),
                item.attributes().containsKey(prefix + "Reachable") ? item.bool(prefix + "Reachable") : null);
    }

    private static Item invitationItem(Invitation invitation) {
        return Item.keyed(INVITATION + "#" + invitation.id(), INVITATION)
                .with(ENTITY, INVITATION).with(ID, invitation.id()).with(CONNECTION_ID, invitation.connectionId())
                .with(SECRET_HASH, invitation.hash().toBase64()).with(EXPIRES_AT, invitation.expiresAt())
                .with(ANSWER, invitation.answer()).with(ANSWERED_AT, invitation.answeredAt())
                .with(ANSWERED_BY, invitation.answeredBy())
                .withNumber(ConnectionTable.TTL_ATTRIBUTE,
                        invitation.expiresAt().plus(ConnectionTable.EXPIRED_INVITATION_RETENTION).getEpochSecond());
    }
}
