package dev.quarry.entity;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

/**
 * A named query fragment declared with {@link Scope} on an entity.
 *
 * <pre>{@code
 * metadata.findScope("ofType").get().parameterTypes();   // [String.class]
 * }</pre>
 */
public final class ScopeMethod {
    private final String name;
    private final Method method;
    private final MethodHandle handle;

    ScopeMethod(String name, Method method, MethodHandle handle) {
        this.name = name;
        this.method = method;
        this.handle = handle;
    }

    /** The scope's name. */
    public String name() {
        return name;
    }

    /** The types of the arguments after the query. */
    public List<Class<?>> parameterTypes() {
        Class<?>[] types = method.getParameterTypes();
        return List.of(Arrays.copyOfRange(types, 1, types.length));
    }

    /** True if the scope is a static method (it needs no entity instance). */
    public boolean isStatic() {
        return Modifier.isStatic(method.getModifiers());
    }

    /**
     * Calls the scope. {@code receiver} is an entity instance, ignored for static scopes;
     * {@code arguments} must already match {@link #parameterTypes()}.
     */
    public void invoke(Object receiver, Object query, Object... arguments) {
        Object[] all = new Object[arguments.length + (isStatic() ? 1 : 2)];
        int i = 0;
        if (!isStatic()) {
            all[i++] = receiver;
        }
        all[i++] = query;
        System.arraycopy(arguments, 0, all, i, arguments.length);
        try {
            handle.invokeWithArguments(all);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new InvalidEntityException(List.of("scope " + name + " of " + method.getDeclaringClass().getName() + " failed: " + t), t);
        }
    }

    @Override
    public String toString() {
        return name + parameterTypes().stream().map(Class::getSimpleName).toList();
    }
}
