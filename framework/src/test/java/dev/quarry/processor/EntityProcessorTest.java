package dev.quarry.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

class EntityProcessorTest {

    private static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new EntityProcessor()).compile(sources);
    }

    private static JavaFileObject source(String name, String... lines) {
        return JavaFileObjects.forSourceLines(name, lines);
    }

    private static List<String> indexOf(Compilation compilation) throws IOException {
        String text = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "", EntityProcessor.INDEX)
                .orElseThrow().getCharContent(true).toString();
        return text.lines().filter(l -> !l.startsWith("#")).toList();
    }

    @Test
    void writesEveryEntityToTheIndexSortedByBinaryName() throws IOException {
        Compilation compilation = compile(
                source("app.User", "package app;", "import dev.quarry.entity.*;",
                        "@Entity public class User extends BaseEntity<User> { Long id; }"),
                source("app.Shop", "package app;", "import dev.quarry.entity.*;",
                        "public class Shop {",
                        "  @Entity(module = \"shop\") public static class Item extends BaseEntity<Item> { Long id; }",
                        "}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(List.of("app.Shop$Item", "app.User"), indexOf(compilation));
    }

    @Test
    void writesNoIndexWhenThereAreNoEntities() {
        Compilation compilation = compile(source("app.Plain", "package app;", "public class Plain {}"));

        assertThat(compilation).succeeded();
        assertEquals(java.util.Optional.empty(),
                compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "", EntityProcessor.INDEX));
    }

    @Test
    void refusesAnEntityThatDoesNotExtendBaseEntity() {
        JavaFileObject user = source("app.User", "package app;", "import dev.quarry.entity.*;",
                "@Entity public class User { Long id; }");

        Compilation compilation = compile(user);

        assertThat(compilation).hadErrorContaining("[Quarry/EntityNotBaseEntity] User is marked @Entity but does not extend BaseEntity")
                .inFile(user).onLineContaining("class User");
    }

    @Test
    void refusesAnEntityThatNamesAnotherClassAsItself() {
        JavaFileObject post = source("app.Post", "package app;", "import dev.quarry.entity.*;",
                "@Entity public class Post extends BaseEntity<Post> { Long id; }");
        JavaFileObject user = source("app.User", "package app;", "import dev.quarry.entity.*;",
                "@Entity public class User extends BaseEntity<Post> { Long id; }");

        Compilation compilation = compile(post, user);

        assertThat(compilation).hadErrorContaining("[Quarry/EntityWrongSelfType]").inFile(user).onLineContaining("class User");
        assertThat(compilation).hadErrorContaining("`extends BaseEntity<User>`");
    }

    @Test
    void refusesAnAbstractEntity() {
        JavaFileObject base = source("app.Base", "package app;", "import dev.quarry.entity.*;",
                "@Entity public abstract class Base extends BaseEntity<Base> { Long id; }");

        assertThat(compile(base)).hadErrorContaining("[Quarry/EntityAbstract] Base is abstract").inFile(base)
                .onLineContaining("abstract class Base");
    }

    @Test
    void refusesAnInnerClassEntity() {
        JavaFileObject outer = source("app.Outer", "package app;", "import dev.quarry.entity.*;",
                "public class Outer {",
                "  @Entity public class Inner extends BaseEntity<Inner> { Long id; }",
                "}");

        assertThat(compile(outer)).hadErrorContaining("[Quarry/EntityInnerClass] Inner is an inner class").inFile(outer)
                .onLineContaining("class Inner");
    }

    @Test
    void refusesAnEntityWithoutAUsableConstructor() {
        JavaFileObject user = source("app.User", "package app;", "import dev.quarry.entity.*;",
                "@Entity public class User extends BaseEntity<User> {",
                "  Long id;",
                "  public User(Long id) { this.id = id; }",
                "}");

        assertThat(compile(user)).hadErrorContaining("[Quarry/EntityNoConstructor]").inFile(user).onLineContaining("class User");
    }

    @Test
    void acceptsAnInjectConstructor() {
        JavaFileObject user = source("app.User", "package app;", "import dev.quarry.entity.*;",
                "@Entity public class User extends BaseEntity<User> {",
                "  Long id;",
                "  @jakarta.inject.Inject public User(java.time.Clock clock) {}",
                "}");

        assertThat(compile(user)).succeeded();
    }

    @Test
    void refusesAFinalAttributeAndSaysToRemoveFinalOrMarkItTransient() {
        JavaFileObject user = source("app.User", "package app;", "import dev.quarry.entity.*;",
                "@Entity public class User extends BaseEntity<User> {",
                "  Long id;",
                "  final String email = \"x\";",
                "  static final String TABLE = \"users\";",
                "  transient final String note = \"not a column\";",
                "}");

        Compilation compilation = compile(user);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[Quarry/EntityFinalAttribute] Attribute email of User is final")
                .inFile(user).onLineContaining("final String email");
    }

    @Test
    void refusesAScopeThatDoesNotTakeTheQueryFirst() {
        JavaFileObject user = source("app.User", "package app;", "import dev.quarry.entity.*;",
                "@Entity public class User extends BaseEntity<User> {",
                "  Long id;",
                "  @Scope void active(String flag) {}",
                "}");

        assertThat(compile(user)).hadErrorContaining("[Quarry/ScopeSignature] Scope active of User must take the query first")
                .inFile(user).onLineContaining("void active");
    }

    @Test
    void refusesEntityOnAnInterface() {
        JavaFileObject thing = source("app.Thing", "package app;", "import dev.quarry.entity.*;",
                "@Entity public interface Thing {}");

        assertThat(compile(thing)).hadErrorContaining("[Quarry/EntityNotAClass]").inFile(thing).onLineContaining("interface Thing");
    }

    @Test
    void anInvalidEntityFailsTheBuildWithOneErrorForItAlone() {
        Compilation compilation = compile(
                source("app.Good", "package app;", "import dev.quarry.entity.*;",
                        "@Entity public class Good extends BaseEntity<Good> { Long id; }"),
                source("app.Bad", "package app;", "import dev.quarry.entity.*;",
                        "@Entity public abstract class Bad extends BaseEntity<Bad> { Long id; }"));

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void refusesJavaxInjectWhichGuiceSevenIgnores() {
        JavaFileObject visitor = source("app.Visitor", "package app;", "import dev.quarry.entity.*;",
                "@Entity public class Visitor extends BaseEntity<Visitor> {",
                "  Long id;",
                "  @javax.inject.Inject java.time.Clock clock;",
                "}");

        assertThat(compile(visitor)).hadErrorContaining("[Quarry/JavaxInject] clock of Visitor is marked javax.inject.Inject")
                .inFile(visitor).onLineContaining("java.time.Clock clock");
    }
}
