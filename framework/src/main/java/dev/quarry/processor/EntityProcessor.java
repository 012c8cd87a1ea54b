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
 * Checks every {@code @Entity} class and writes {@code META-INF/quarry/entities.index}, one binary
 * class name a line. On an incremental build it keeps the entries of entities compiled earlier
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
            for (Element element : round.getElementsAnnotatedWith(entity)) {
                if (checks.check(element)) {
                    indexed.add(processingEnv.getElementUtils().getBinaryName((TypeElement) element).toString());
                }
            }
        }
        if (round.processingOver()) {
            writeIndex();
        }
        return false;
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
