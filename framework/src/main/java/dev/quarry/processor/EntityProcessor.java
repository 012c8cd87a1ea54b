package dev.quarry.processor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Checks every {@code @Entity} class, writes its generated relation base (when it extends one) and
 * its metamodel {@code <Entity>_} (typed attribute, relation and pivot column names), and writes
 * {@code META-INF/quarry/entities.index}, one binary class name a line. On an incremental build it keeps the entries of entities compiled earlier
 * that still exist, so the index never loses a class that was not recompiled.
 *
 * <p>Runs from the Quarry jar: with Maven, list {@code dev.quarry:quarry} in the compiler
 * plugin's {@code annotationProcessorPaths} (or leave discovery on with plain {@code javac}).
 */
@SupportedAnnotationTypes(EntityProcessor.ENTITY)
public final class EntityProcessor extends AbstractProcessor {
    static final String ENTITY = "dev.quarry.entity.Entity";
    static final String INDEX = "META-INF/quarry/entities.index";

    private final Set<String> indexed = new TreeSet<>();
    private final Set<String> generated = new java.util.HashSet<>();
    private final Set<String> metamodels = new java.util.HashSet<>();
    private final Set<String> deferred = new java.util.LinkedHashSet<>();
    private boolean previousIndexRead;

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (!previousIndexRead) {
            previousIndexRead = true;
            readPreviousIndex();
        }
        TypeElement entity = processingEnv.getElementUtils().getTypeElement(ENTITY);
        if (entity != null) {
            EntityChecks checks = new EntityChecks(processingEnv);
            java.util.List<Element> todo = new java.util.ArrayList<>(round.getElementsAnnotatedWith(entity));
            // Entities whose superclass was missing last round: usually their generated base, written since.
            for (String name : java.util.List.copyOf(deferred)) {
                TypeElement again = processingEnv.getElementUtils().getTypeElement(name);
                if (again != null && !todo.contains(again)) {
                    todo.add(again);
                }
            }
            deferred.clear();
            for (Element element : todo) {
                handle(element, checks, round.processingOver());
            }
        }
        if (round.processingOver()) {
            writeIndex();
        }
        return false;
    }

    private void handle(Element element, EntityChecks checks, boolean lastRound) {
        if (element.getKind() == ElementKind.CLASS) {
            TypeElement type = (TypeElement) element;
            String base = RelationSetters.baseName(type, processingEnv.getElementUtils());
            String pkg = processingEnv.getElementUtils().getPackageOf(type).getQualifiedName().toString();
            String superclass = type.getSuperclass().toString();
            boolean extendsGenerated = superclass.equals(base) || superclass.equals(pkg + "." + base);
            if (extendsGenerated && generated.add(type.getQualifiedName().toString()) && !lastRound) {
                writeBase(type, base);
            }
            if (type.getSuperclass().getKind() == javax.lang.model.type.TypeKind.ERROR) {
                if (!lastRound) {
                    deferred.add(type.getQualifiedName().toString()); // check it once its superclass exists
                }
                return; // javac itself reports a superclass that never appears
            }
        }
        if (checks.check(element)) {
            TypeElement type = (TypeElement) element;
            indexed.add(processingEnv.getElementUtils().getBinaryName(type).toString());
            if (!lastRound && metamodels.add(type.getQualifiedName().toString())) {
                writeMetamodel(type);
            }
        }
    }

    private void writeMetamodel(TypeElement entity) {
        String pkg = processingEnv.getElementUtils().getPackageOf(entity).getQualifiedName().toString();
        String name = Metamodel.name(entity, processingEnv.getElementUtils());
        String qualified = pkg.isEmpty() ? name : pkg + "." + name;
        try (Writer writer = processingEnv.getFiler().createSourceFile(qualified, entity).openWriter()) {
            writer.write(new Metamodel(processingEnv).source(entity));
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "[Quarry/Metamodel] Could not write " + qualified + ": " + e.getMessage(), entity);
        }
    }

    private void writeBase(TypeElement entity, String base) {
        String pkg = processingEnv.getElementUtils().getPackageOf(entity).getQualifiedName().toString();
        String qualified = pkg.isEmpty() ? base : pkg + "." + base;
        try (Writer writer = processingEnv.getFiler().createSourceFile(qualified, entity).openWriter()) {
            writer.write(RelationSetters.source(entity, processingEnv.getElementUtils()));
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "[Quarry/GeneratedBase] Could not write " + qualified + ": " + e.getMessage(), entity);
        }
    }

    /** Keeps entries from an earlier compilation whose classes still exist and are still entities. */
    private void readPreviousIndex() {
        try {
            FileObject previous = processingEnv.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", INDEX);
            String text;
            try (InputStream in = previous.openInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (String line : text.lines().toList()) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                TypeElement type = processingEnv.getElementUtils().getTypeElement(name.replace('$', '.'));
                if (type != null && type.getKind() == ElementKind.CLASS && hasEntityAnnotation(type)) {
                    indexed.add(name);
                }
            }
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
            // No earlier index (a clean build), or the filer cannot read it back: nothing to keep.
        }
    }

    private static boolean hasEntityAnnotation(TypeElement type) {
        return type.getAnnotationMirrors().stream()
                .anyMatch(m -> ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(ENTITY));
    }

    private void writeIndex() {
        if (indexed.isEmpty()) {
            return;
        }
        Filer filer = processingEnv.getFiler();
        try {
            FileObject index = filer.createResource(StandardLocation.CLASS_OUTPUT, "", INDEX);
            try (OutputStream out = index.openOutputStream();
                 Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                writer.write("# Written by Quarry's annotation processor: the @Entity classes of this module.\n");
                for (String name : indexed) {
                    writer.write(name);
                    writer.write('\n');
                }
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "[Quarry/EntityIndex] Could not write " + INDEX + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "[Quarry/EntityIndex] Could not write " + INDEX + ": " + e.getCause().getMessage());
        }
    }
}
