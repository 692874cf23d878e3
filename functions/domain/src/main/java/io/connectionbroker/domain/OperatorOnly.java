package io.connectionbroker.domain;

/** A call only the broker's operator may make, made by someone else. */
public final class OperatorOnly extends Refusal {
    public OperatorOnly() {
        super("Only the broker's operator may make this call: in AWS with IAM credentials allowed to invoke the"
                + " route (SigV4), in the local run with the operator token set in CONNECTION_BROKER_OPERATOR_TOKEN.");
    }

    @Override
    public String kind() {
        return "operator-only";
    }

    @Override
    public String title() {
        return "Only the operator may make this call";
    }
}
