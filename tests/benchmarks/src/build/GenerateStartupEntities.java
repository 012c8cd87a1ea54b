import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the entities of the start-up benchmark: {@code count} Quarry entities (Widget001, ...) and
 * as many Hibernate entities of the same shape, plus a class listing the Hibernate ones. Run by
 * Maven before compiling ({@code java GenerateStartupEntities.java <output dir> <count>}).
 */
public final class GenerateStartupEntities {
    private static final String PACKAGE = "dev.quarry.bench.startup.generated";

    private GenerateStartupEntities() {}

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Path dir = root.resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(dir);
        List<String> hibernateNames = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            write(dir, quarryName(i), quarryEntity(i));
            write(dir, hibernateName(i), hibernateEntity(i));
            hibernateNames.add(hibernateName(i) + ".class");
        }
        write(dir, "HibernateStartupEntities", hibernateIndex(hibernateNames));
    }

    private static String quarryName(int i) {
        return String.format("Widget%03d", i);
    }

    private static String hibernateName(int i) {
        return String.format("HibernateWidget%03d", i);
    }

    private static String quarryEntity(int i) {
        String name = quarryName(i);
        String previous = quarryName(i == 1 ? 1 : i - 1);
        return """
                package %1$s;

                import dev.quarry.entity.BaseEntity;
                import dev.quarry.entity.Entity;
                import dev.quarry.relation.BelongsTo;
                import java.time.Instant;
                import javax.annotation.processing.Generated;

                /** Generated for the start-up benchmark. */
                @Generated("GenerateStartupEntities")
                @Entity
                public class %2$s extends BaseEntity<%2$s> {
                    private Long id;
                    private Long %4$sId;
                    private String name;
                    private String code;
                    private Integer rank;
                    private Boolean active;
                    private Instant createdAt;

                    public BelongsTo<%2$s, %3$s> %4$s() {
                        return belongsTo(%3$s.class);
                    }

                    public Long getId() { return id; }
                    public Long get%5$sId() { return %4$sId; }
                    public String getName() { return name; }
                    public String getCode() { return code; }
                    public Integer getRank() { return rank; }
                    public Boolean getActive() { return active; }
                    public Instant getCreatedAt() { return createdAt; }
                }
                """.formatted(PACKAGE, name, previous, decapitalize(previous), previous);
    }

    private static String hibernateEntity(int i) {
        String name = hibernateName(i);
        String previous = hibernateName(i == 1 ? 1 : i - 1);
        return """
                package %1$s;

                import jakarta.persistence.Entity;
                import jakarta.persistence.FetchType;
                import jakarta.persistence.Id;
                import jakarta.persistence.ManyToOne;
                import jakarta.persistence.Table;
                import java.time.Instant;
                import javax.annotation.processing.Generated;

                /** Generated for the start-up benchmark. */
                @Generated("GenerateStartupEntities")
                @Entity
                @Table(name = "%4$s")
                public class %2$s {
                    @Id private Long id;
                    @ManyToOne(fetch = FetchType.LAZY) private %3$s previous;
                    private String name;
                    private String code;
                    private Integer rank;
                    private Boolean active;
                    private Instant createdAt;

                    public Long getId() { return id; }
                    public String getName() { return name; }
                    public String getCode() { return code; }
                    public Integer getRank() { return rank; }
                    public Boolean getActive() { return active; }
                    public Instant getCreatedAt() { return createdAt; }
                    public %3$s getPrevious() { return previous; }
                }
                """.formatted(PACKAGE, name, previous, name.toLowerCase(java.util.Locale.ROOT));
    }

    private static String hibernateIndex(List<String> classes) {
        return """
                package %s;

                import java.util.List;

                /** Every generated Hibernate entity of the start-up benchmark. */
                public final class HibernateStartupEntities {
                    public static final List<Class<?>> ALL = List.of(
                            %s);

                    private HibernateStartupEntities() {}
                }
                """.formatted(PACKAGE, String.join(",\n            ", classes));
    }

    private static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static void write(Path dir, String className, String source) throws IOException {
        Path file = dir.resolve(className + ".java");
        if (!Files.exists(file) || !Files.readString(file).equals(source)) {
            Files.writeString(file, source);
        }
    }
}
