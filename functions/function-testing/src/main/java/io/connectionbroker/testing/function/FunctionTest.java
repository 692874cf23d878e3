package io.connectionbroker.testing.function;

import io.connectionbroker.domain.Platform;
import io.connectionbroker.domain.RegisterInstance.Registered;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class of one function: the function started once for the class on a table of its own, helpers
 * to arrange preconditions, and a registered Zendesk instance to act as the usual caller.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FunctionTest {
    protected FunctionUnderTest function;
    protected Arrange arrange;
    protected Registered acme;

    @BeforeAll
    void startFunction() {
        function = FunctionUnderTest.start(properties());
        arrange = new Arrange(function);
        acme = arrange.instance(Platform.ZENDESK);
    }

    /** Settings of the function under test beyond the defaults. */
    protected java.util.Map<String, Object> properties() {
        return java.util.Map.of();
    }

    @AfterAll
    void stopFunction() {
        function.close();
    }
}
