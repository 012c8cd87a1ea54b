package dev.quarry.it.model;

/** A service that entities get injected. */
public class Greeter {
    public String greet(String name) {
        return "Hello, " + name + "!";
    }
}
