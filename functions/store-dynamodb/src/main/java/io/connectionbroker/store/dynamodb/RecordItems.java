package io.connectionbroker.store.dynamodb;

import io.connectionbroker.domain.Connection;
import io.connectionbroker.domain.ConnectionStatus;
import io.connectionbroker.domain.ConnectionType;
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
import io.connectionbroker.domain.SyncRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How each record is kept as an item of the one table: the kinds of item, their keys and attribute names, and
 * the mapping both ways. Plain data, readable in a table dump; nothing here calls DynamoDB.
 */
final class RecordItems {
    private RecordItems() {
    }

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
    static final String VERSION = "version";
    static final String OUTGOING = "outgoing";
    static final String INCOMING = "incoming";
    static final java.util.regex.Pattern MEMBERSHIP_SORT_KEY = java.util.regex.Pattern.compile(
            CONNECTION + "#[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z#[0-9a-f-]{36}");
    static final java.time.format.DateTimeFormatter SORTABLE_INSTANT =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    static final String ENTITY = "entity";
    static final String ID = "id";
    static final String INSTANCE_ID = "instanceId";
    static final String URL = "url";
    static final String PLATFORM = "platform";
    static final String LICENSE = "license";
    static final String TRIAL_ENDS_AT = "trialEndsAt";
    /** Beside an invitation: one caller's wrong codes for it, and its lock. */
    static final String TRIES = "TRIES";
    /** On a URL claim: the instance that held the URL has moved to another. */
    static final String FORMER = "former";
    static final String PUBLIC = "public";
    static final String SECRET_HASH = "secretHash";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    static final String STATUS = "status";
    static final String TYPE = "type";
    static final String MODE = "mode";
    static final String NAME = "name";
    static final String DESCRIPTION = "description";
    static final String SOURCE = "source";
    static final String DESTINATION = "destination";
    static final String SHORT_NAME = "ShortName";
    static final String PROJECT = "Project";
    static final String INVITATION_ID = "invitationId";
    static final String INVITATION_EXPIRES_AT = "invitationExpiresAt";
    static final String CONNECTION_ID = "connectionId";
    static final String EXPIRES_AT = "expiresAt";
    static final String ANSWER = "answer";
    static final String ANSWERED_AT = "answeredAt";
    static final String ANSWERED_BY = "answeredBy";
    static final String LAST_USED_AT = "lastUsedAt";
    static final String WRONG_CODES = "wrongCodes";
    static final String LOCKED_UNTIL = "lockedUntil";
    /** On the instance item: how many keys it has, so that adding and revoking keys can be conditional. */
    static final String KEY_COUNT = "keyCount";
    /** On a key item: the copy of its instance. */
    static final String HOLDER = "instance";
    static final String SCOPE = "scope";
    static final String FINGERPRINT = "fingerprint";
    static final String SEALED_ANSWER = "sealedAnswer";
    static final String KEPT_AT = "keptAt";

    /** The key hashed: keys are the caller's text, up to 255 characters of anything printable. */
    static Item idempotencyKey(String scope, String key) {
        return Item.keyed(IDEMPOTENCY + "#" + scope + "#" + SecretHash.of(key).toBase64(), IDEMPOTENCY);
    }

    /** Where the connection with this id is stored. */
    static Item connectionLocation(String connectionId) {
        return Item.keyed(CONNECTION + "#" + connectionId, CONNECTION);
    }

    /** Where the key with this id is stored. */
    static Item keyLocation(String keyId) {
        return Item.keyed(API_KEY + "#" + keyId, API_KEY);
    }

    /**
     * A key's item, carrying a copy of its instance so that authentication reads one item; every change of the
     * instance writes the copy in every key item in the same transaction (InstanceRecords).
     */
    static Item keyItem(InstanceKey key, Instance holder) {
        Item item = keyLocation(key.keyId())
                .with(ENTITY, API_KEY).with(ID, key.keyId()).with(INSTANCE_ID, key.instanceId())
                .with(SECRET_HASH, key.hash().toBase64()).with(CREATED_AT, key.createdAt())
                .with(LAST_USED_AT, key.lastUsedAt() == null ? null : SORTABLE_INSTANT.format(key.lastUsedAt()));
        item.attributes().put(HOLDER, holderCopy(holder));
        return item;
    }

    /** The instance as its key items carry it: its item's attributes without the table's keys. */
    static AttributeValue holderCopy(Instance instance) {
        Map<String, AttributeValue> copy = new java.util.HashMap<>(instanceItem(instance).attributes());
        copy.remove(ConnectionTable.PARTITION_KEY);
        copy.remove(ConnectionTable.SORT_KEY);
        return AttributeValue.fromM(copy);
    }

    /** The copy of its instance a key item carries; empty for keys written before keys carried one. */
    static Optional<Instance> holder(Item keyItem) {
        AttributeValue copy = keyItem.attributes().get(HOLDER);
        return copy == null ? Optional.empty() : Optional.of(instance(Item.of(copy.m())));
    }

    static Item keyListingItem(InstanceKey key) {
        return Item.keyed(INSTANCE + "#" + key.instanceId(), KEY + "#" + key.keyId()).with(ENTITY, KEY)
                .with(ID, key.keyId());
    }

    static InstanceKey key(Item item) {
        return new InstanceKey(item.string(ID), item.string(INSTANCE_ID), SecretHash.fromBase64(item.string(SECRET_HASH)),
                item.instant(CREATED_AT), item.instant(LAST_USED_AT));
    }

    static Invitation invitation(Item item) {
        return new Invitation(item.string(ID),
                item.string(CONNECTION_ID), SecretHash.fromBase64(item.string(SECRET_HASH)),
                item.instant(EXPIRES_AT), item.enumValue(ANSWER, Invitation.Answer.class), item.instant(ANSWERED_AT),
                item.string(ANSWERED_BY));
    }

    /** Where a caller's wrong codes for an invitation id are counted, beside the invitation. */
    static Item triesKey(String invitationId, String callerId) {
        return Item.keyed(INVITATION + "#" + invitationId, TRIES + "#" + callerId);
    }

    /** Rules as a list of "field|TRANSFORM" strings, in order: plain data, readable in a table dump. */
    static Item rulesItem(String connectionId, RuleSet.Owner owner, RuleSet set) {
        Item item = rulesKey(connectionId, owner).with(ENTITY, RULES)
                .withNumber(VERSION, set.version());
        item.attributes().put(OUTGOING, encodeRules(set.outgoing()));
        item.attributes().put(INCOMING, encodeRules(set.incoming()));
        return item;
    }

    static Item rulesKey(String connectionId, RuleSet.Owner owner) {
        return Item.keyed(CONNECTION + "#" + connectionId, RULES + "#" + owner);
    }

    static AttributeValue encodeRules(List<SyncRule> rules) {
        return AttributeValue.fromL(rules.stream().map(rule -> AttributeValue.fromS(rule.field().apiName() + "|"
                + rule.transform())).toList());
    }

    /** Reads "field|TRANSFORM", and "field|DIRECTION|TRANSFORM" as rules were stored before their list alone said it. */
    static List<SyncRule> rules(Item item, String name) {
        return item.attributes().get(name).l().stream().map(value -> {
            String[] parts = value.s().split("\\|");
            return new SyncRule(SyncRule.Field.ofApiName(parts[0]), SyncRule.Transform.valueOf(parts[parts.length - 1]));
        }).toList();
    }

    static Item membershipKey(String instanceId, Connection connection) {
        return Item.keyed(INSTANCE + "#" + instanceId,
                CONNECTION + "#" + SORTABLE_INSTANT.format(connection.createdAt()) + "#" + connection.id());
    }

    static Item membershipItem(String instanceId, Connection connection) {
        return membershipKey(instanceId, connection).with(ENTITY, MEMBERSHIP).with(CONNECTION_ID, connection.id());
    }

    static Item instanceItem(Instance instance) {
        return Item.keyed(INSTANCE + "#" + instance.id(), INSTANCE)
                .with(ENTITY, INSTANCE).with(ID, instance.id()).with(URL, instance.url().value())
                .with(PLATFORM, instance.platform()).with(LICENSE, instance.license())
                .with(TRIAL_ENDS_AT, instance.trialEndsAt()).with(PUBLIC, instance.isPublic()).with(CREATED_AT, instance.createdAt());
    }

    static Instance instance(Item item) {
        return new Instance(item.string(ID), InstanceUrl.ofStored(item.string(URL)),
                item.enumValue(PLATFORM, Platform.class), item.enumValue(LICENSE, License.class), item.instant(TRIAL_ENDS_AT),
                item.bool(PUBLIC),
                item.instant(CREATED_AT));
    }

    static Item connectionItem(Connection connection) {
        Item item = connectionLocation(connection.id())
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

    static Connection connection(Item item) {
        return new Connection(item.string(ID), item.enumValue(STATUS, ConnectionStatus.class),
                item.enumValue(TYPE, ConnectionType.class), item.enumValue(MODE, Mode.class), item.string(NAME),
                item.string(DESCRIPTION), readSide(item, SOURCE), readSide(item, DESTINATION),
                item.string(INVITATION_ID), item.instant(INVITATION_EXPIRES_AT), item.instant(CREATED_AT),
                item.instant(UPDATED_AT), ConnectionVersion.read(item.attributes().get(VERSION)));
    }

    static void writeSide(Item item, String prefix, Side side) {
        item.with(prefix + "InstanceId", side.instanceId())
                .with(prefix + "Url", side.url() == null ? null : side.url().value())
                .with(prefix + "Platform", side.platform())
                .with(prefix + SHORT_NAME, side.shortName())
                .with(prefix + PROJECT, side.project());
        if (side.reachable() != null) {
            item.with(prefix + "Reachable", side.reachable().booleanValue());
        }
    }

    static Side readSide(Item item, String prefix) {
        String url = item.string(prefix + "Url");
        return new Side(item.string(prefix + "InstanceId"), url == null ? null : InstanceUrl.ofStored(url),
                item.enumValue(prefix + "Platform", Platform.class), item.string(prefix + SHORT_NAME),
                item.string(prefix + PROJECT),
                item.attributes().containsKey(prefix + "Reachable") ? item.bool(prefix + "Reachable") : null);
    }

    static Item invitationItem(Invitation invitation) {
        return Item.keyed(INVITATION + "#" + invitation.id(), INVITATION)
                .with(ENTITY, INVITATION).with(ID, invitation.id()).with(CONNECTION_ID, invitation.connectionId())
                .with(SECRET_HASH, invitation.hash().toBase64()).with(EXPIRES_AT, invitation.expiresAt())
                .with(ANSWER, invitation.answer()).with(ANSWERED_AT, invitation.answeredAt())
                .with(ANSWERED_BY, invitation.answeredBy())
                .withNumber(ConnectionTable.TTL_ATTRIBUTE,
                        invitation.expiresAt().plus(ConnectionTable.EXPIRED_INVITATION_RETENTION).getEpochSecond());
    }

    static Item idempotencyItem(IdempotencyRecord record) {
        Item item = idempotencyKey(record.scope(), record.key()).with(ENTITY, IDEMPOTENCY)
                .with(SCOPE, record.scope()).with(FINGERPRINT, record.fingerprint()).with(KEPT_AT, record.keptAt())
                .withNumber(ConnectionTable.TTL_ATTRIBUTE, record.expiresAt().getEpochSecond());
        item.attributes().put(SEALED_ANSWER,
                AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(record.sealedAnswer())));
        return item;
    }

    static IdempotencyRecord idempotencyRecord(Item item, String key) {
        return new IdempotencyRecord(item.string(SCOPE), key, item.string(FINGERPRINT),
                item.attributes().get(SEALED_ANSWER).b().asByteArray(), item.instant(KEPT_AT));
    }
}
