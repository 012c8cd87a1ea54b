package dev.quarry.processor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Writes the source of an entity's metamodel class, {@code <Entity>_}: a typed constant for each
 * attribute ({@code User_.EMAIL}, an {@code AttributeName<User, String>}) and each relation
 * ({@code User_.ROLES}, a {@code RelationPath<User, Role>}), and for each many-to-many relation
 * that declares {@code @PivotColumns} a nested class with a constant per pivot column
 * ({@code User_.Roles.ASSIGNED_BY}). Members come in declaration order (superclass attributes
 * first), so the output is the same on every build.
 *
 * <p>The source names every type in full, so it needs no imports.
 */
final class Metamodel {
    static final String SUFFIX = "_";
    static final String PIVOT_COLUMNS = "dev.quarry.relation.PivotColumns";
    private static final String BASE_ENTITY = "dev.quarry.entity.BaseEntity";
    private static final Set<String> INJECT = Set.of("jakarta.inject.Inject", "com.google.inject.Inject", "javax.inject.Inject");

    private final ProcessingEnvironment env;

    Metamodel(ProcessingEnvironment env) {
        this.env = env;
    }

    /** The metamodel's simple name: {@code User_}, {@code Shop_Item_} for a nested entity. */
    static String name(TypeElement entity, javax.lang.model.util.Elements elements) {
        String qualified = entity.getQualifiedName().toString();
        String pkg = elements.getPackageOf(entity).getQualifiedName().toString();
        String relative = pkg.isEmpty() ? qualified : qualified.substring(pkg.length() + 1);
        return relative.replace('.', '_') + SUFFIX;
    }

    /** {@code assignedBy} and {@code assigned_by} both become {@code ASSIGNED_BY}. */
    static String constantName(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean upper = Character.isUpperCase(c);
            if (upper && i > 0) {
                char before = name.charAt(i - 1);
                boolean wordStarts = Character.isLowerCase(before) || Character.isDigit(before)
                        || (Character.isUpperCase(before) && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1)));
                if (wordStarts && out.charAt(out.length() - 1) != '_') {
                    out.append('_');
                }
            }
            out.append(Character.toUpperCase(c));
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    /** The metamodel source for {@code entity}, which passed the entity checks. */
    String source(TypeElement entity) {
        String pkg = env.getElementUtils().getPackageOf(entity).getQualifiedName().toString();
        String self = entity.getQualifiedName().toString();
        String name = name(entity, env.getElementUtils());
        Map<String, String> constants = new LinkedHashMap<>();   // constant -> what it names, for clash messages
        StringBuilder members = new StringBuilder();
        List<ExecutableElement> relations = relations(entity);
        for (ExecutableElement relation : relations) {
            constants.put(constantName(relation.getSimpleName().toString()), "relation " + relation.getSimpleName());
        }
        for (VariableElement field : attributes(entity)) {
            String attribute = field.getSimpleName().toString();
            String constant = constantName(attribute);
            String clash = constants.putIfAbsent(constant, "attribute " + attribute);
            if (clash != null) {
                env.getMessager().printMessage(Diagnostic.Kind.WARNING, "[Quarry/MetamodelClash] The metamodel " + name
                        + " has no constant for attribute " + attribute + ": " + constant + " names the " + clash
                        + "; use the string \"" + attribute + "\" for the attribute, or rename one of them.", field);
                continue;
            }
            String type = typeName(boxed(field.asType()));
            members.append("\n    /** The attribute {@link ").append(self).append("#").append(attribute).append("}. */\n")
                    .append("    public static final dev.quarry.entity.AttributeName<").append(self).append(", ").append(type)
                    .append("> ").append(constant).append(" =\n            dev.quarry.entity.AttributeName.of(\"")
                    .append(attribute).append("\");\n");
        }
        for (ExecutableElement relation : relations) {
            String relationName = relation.getSimpleName().toString();
            members.append("\n    /** The relation {@link ").append(self).append("#").append(relationName).append("()}. */\n")
                    .append("    public static final dev.quarry.relation.RelationPath<").append(self).append(", ")
                    .append(related(relation)).append("> ").append(constantName(relationName))
                    .append(" =\n            dev.quarry.relation.RelationPath.of(\"").append(relationName).append("\");\n");
        }
        for (ExecutableElement relation : relations) {
            List<String> columns = pivotColumns(relation);
            if (!columns.isEmpty()) {
                pivotHolder(members, self, relation, columns);
            }
        }
        StringBuilder out = new StringBuilder();
        if (!pkg.isEmpty()) {
            out.append("package ").append(pkg).append(";\n\n");
        }
        return out.append("/**\n * Generated by Quarry's annotation processor from {@link ").append(self)
                .append("}: its attribute, relation and\n * pivot column names as typed constants, checked by the compiler. Do not edit.\n */\n")
                .append("@javax.annotation.processing.Generated(\"dev.quarry.processor.EntityProcessor\")\n")
                .append("public final class ").append(name).append(" {\n")
                .append(members)
                .append("\n    private ").append(name).append("() {}\n}\n").toString();
    }

    private void pivotHolder(StringBuilder out, String self, ExecutableElement relation, List<String> columns) {
        String relationName = relation.getSimpleName().toString();
        String holder = Character.toUpperCase(relationName.charAt(0)) + relationName.substring(1);
        String type = "dev.quarry.relation.PivotColumn<" + self + ", " + related(relation) + ">";
        out.append("\n    /** The pivot columns {@link ").append(self).append("#").append(relationName)
                .append("()} declares with {@code @PivotColumns}. */\n")
                .append("    public static final class ").append(holder).append(" {\n");
        for (String column : columns) {
            out.append("        /** The pivot column {@code ").append(column).append("}. */\n")
                    .append("        public static final ").append(type).append(" ").append(constantName(column))
                    .append(" =\n                dev.quarry.relation.PivotColumn.of(\"").append(column).append("\");\n");
        }
        out.append("\n        private ").append(holder).append("() {}\n    }\n");
    }

    /** The columns of the relation's {@code @PivotColumns}, or none. */
    static List<String> pivotColumns(ExecutableElement relation) {
        for (AnnotationMirror mirror : relation.getAnnotationMirrors()) {
            if (!((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(PIVOT_COLUMNS)) {
                continue;
            }
            List<String> columns = new ArrayList<>();
            for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : mirror.getElementValues().entrySet()) {
                if (entry.getValue().getValue() instanceof List<?> values) {
                    for (Object value : values) {
                        String column = String.valueOf(((AnnotationValue) value).getValue());
                        if (!columns.contains(column)) {
                            columns.add(column);
                        }
                    }
                }
            }
            return columns;
        }
        return List.of();
    }

    /** True if {@code column} can be a pivot column name and a constant: letters, digits and _. */
    static boolean isValidColumn(String column) {
        return !column.isEmpty() && SourceVersion.isIdentifier(column) && column.chars().allMatch(c -> c < 128)
                && column.indexOf('$') < 0;
    }

    private static String related(ExecutableElement relation) {
        RelationSetters.Kind kind = RelationSetters.kind(relation);
        if (kind == RelationSetters.Kind.BELONGS_TO_MANY_TABLE) {
            return "java.util.Map<java.lang.String, java.lang.Object>";
        }
        if (kind == RelationSetters.Kind.POLYMORPHIC_BELONGS_TO) {
            return "dev.quarry.entity.BaseEntity<?>";
        }
        return ((DeclaredType) relation.getReturnType()).getTypeArguments().get(1).toString();
    }

    /** The relation methods of the entity and its entity superclasses; an override counts once. */
    private List<ExecutableElement> relations(TypeElement entity) {
        Map<String, ExecutableElement> byName = new LinkedHashMap<>();
        for (TypeElement type : hierarchy(entity)) {
            for (ExecutableElement method : RelationSetters.relations(type)) {
                if (!method.getModifiers().contains(Modifier.STATIC) && !method.getModifiers().contains(Modifier.PRIVATE)) {
                    byName.putIfAbsent(method.getSimpleName().toString(), method);
                }
            }
        }
        return List.copyOf(byName.values());
    }

    /** The persisted fields, as Quarry's metadata reader finds them: superclass fields first. */
    private List<VariableElement> attributes(TypeElement entity) {
        List<TypeElement> types = new ArrayList<>(hierarchy(entity));
        java.util.Collections.reverse(types);
        List<VariableElement> fields = new ArrayList<>();
        for (TypeElement type : types) {
            for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
                Set<Modifier> mods = field.getModifiers();
                if (!mods.contains(Modifier.STATIC) && !mods.contains(Modifier.TRANSIENT) && !isInjected(field)) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    /** The entity and its superclasses below BaseEntity, the entity first. */
    private static Deque<TypeElement> hierarchy(TypeElement entity) {
        Deque<TypeElement> types = new ArrayDeque<>();
        for (TypeMirror t = entity.asType(); t.getKind() == TypeKind.DECLARED; ) {
            TypeElement type = (TypeElement) ((DeclaredType) t).asElement();
            if (type.getQualifiedName().contentEquals(BASE_ENTITY) || type.getQualifiedName().contentEquals("java.lang.Object")) {
                break;
            }
            types.addLast(type);
            t = type.getSuperclass();
        }
        return types;
    }

    private TypeMirror boxed(TypeMirror type) {
        return type.getKind().isPrimitive()
                ? env.getTypeUtils().boxedClass((javax.lang.model.type.PrimitiveType) type).asType() : type;
    }

    /** The type in source form, without the type annotations javac's toString would print (@NotBlank). */
    static String typeName(TypeMirror type) {
        switch (type.getKind()) {
            case DECLARED -> {
                DeclaredType declared = (DeclaredType) type;
                String raw = ((TypeElement) declared.asElement()).getQualifiedName().toString();
                if (declared.getTypeArguments().isEmpty()) {
                    return raw;
                }
                return raw + declared.getTypeArguments().stream().map(Metamodel::typeName)
                        .collect(java.util.stream.Collectors.joining(", ", "<", ">"));
            }
            case ARRAY -> {
                return typeName(((javax.lang.model.type.ArrayType) type).getComponentType()) + "[]";
            }
            case WILDCARD -> {
                javax.lang.model.type.WildcardType wildcard = (javax.lang.model.type.WildcardType) type;
                return wildcard.getExtendsBound() != null ? "? extends " + typeName(wildcard.getExtendsBound())
                        : wildcard.getSuperBound() != null ? "? super " + typeName(wildcard.getSuperBound()) : "?";
            }
            case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE -> {
                return type.getKind().name().toLowerCase(Locale.ROOT);
            }
            default -> {
                return "java.lang.Object";   // a type variable: the metamodel class has none
            }
        }
    }

    private static boolean isInjected(VariableElement field) {
        return field.getAnnotationMirrors().stream().anyMatch(m ->
                INJECT.contains(((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString()));
    }
}
