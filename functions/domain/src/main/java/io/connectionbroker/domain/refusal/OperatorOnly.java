package io.connectionbroker.domain.refusal;

/** A call only the broker's operator may make, made by someone else. */
public final class OperatorOnly extends Refusal {
    public OperatorOnly() {
        super("Only the broker's operator may make this call: in AWS with IAM credentials allowed to invoke the"
                + " route (SigV4), in the local run with the operator token set in CONNECTION_BROKER_OPERATOR_TOKEN.");
    }

    @Override
    public Kind kind() {
        return Kind.OPERATOR_ONLY;
    }
}
