package dev.quarry.inject;

import dev.quarry.QuarryException;

/** A Quarry setting has a value Quarry cannot use. */
public class InvalidConfigurationException extends QuarryException {
    private static final long serialVersionUID = 1L;

    public InvalidConfigurationException(String setting, String value, String expected) {
        super("InvalidConfiguration", "The setting " + setting + " is '" + value + "', but must be " + expected + ".");
    }
}
