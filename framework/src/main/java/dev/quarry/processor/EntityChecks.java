package dev.quarry.processor;

import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * The compile-time checks of an {@code @Entity} class. Each problem is an error attached to the
 * element at fault, tagged with its id and saying how to fix it.
 */
final class EntityChecks {
    private static final String BASE_ENTITY = "dev.quarry.entity.BaseEntity";
    private static final String QUERY = "dev.quarry.query.Query";
    private static final String SCOPE = "dev.quarry.entity.Scope";
    private static final Set<String> INJECT = Set.of("jakarta.inject.Inject", "com.google.inject.Inject");
    private static final String JAVAX_INJECT = "javax.inject.Inject";

    private final ProcessingEnvironment env;
    private final Types types;

    EntityChecks(ProcessingEnvironment env) {
        this.env = env;
        this.types = env.getTypeUtils();
    }

    /** Checks one annotated element; returns true if it is a valid entity class to index. */
    boolean check(Element element) {
        if (element.getKind() != ElementKind.CLASS) {
            error(element, "EntityNotAClass", "@Entity marks a class that extends BaseEntity, not "
                    + element.getKind().toString().toLowerCase(java.util.Locale.ROOT) + " " + element.getSimpleName());
            return false;
        }
        TypeElement type = (TypeElement) element;
        String name = type.getSimpleName().toString();
        DeclaredType base = findBaseEntity(type.asType());
        if (base == null) {
            error(type, "EntityNotBaseEntity", name + " is marked @Entity but does not extend BaseEntity: declare it as `class "
                    + name + " extends BaseEntity<" + name + ">`");
            return false;
        }
        boolean ok = true;
        if (directlyExtendsBase(type) && !base.getTypeArguments().isEmpty()
                && !types.isSameType(types.erasure(base.getTypeArguments().get(0)), types.erasure(type.asType()))) {
            ok = error(type, "EntityWrongSelfType", name + " extends BaseEntity<" + base.getTypeArguments().get(0)
                    + ">, but an entity names itself: `extends BaseEntity<" + name + ">`");
        }
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            ok = error(type, "EntityAbstract", name + " is abstract, so Quarry cannot create it: remove `abstract`, "
                    + "or move @Entity to its concrete subclasses");
        }
        if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
            ok = error(type, "EntityInnerClass", name + " is an inner class, so it cannot be created on its own: make it `static`");
        }
        if (!hasUsableConstructor(type)) {
            ok = error(type, "EntityNoConstructor", name + " has no constructor Quarry can call: add a non-private "
                    + "no-argument constructor, or annotate one constructor with @Inject");
        }
        ok &= checkFields(type);
        ok &= checkJavaxInject(type);
        ok &= checkScopes(type);
        ok &= checkRelations(type);
        return ok;
    }

    private boolean checkFields(TypeElement type) {
        boolean ok = true;
        for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            Set<Modifier> mods = field.getModifiers();
            if (mods.contains(Modifier.FINAL) && !mods.contains(Modifier.STATIC) && !mods.contains(Modifier.TRANSIENT)
                    && !isInjected(field)) {
                ok = error(field, "EntityFinalAttribute", "Attribute " + field.getSimpleName() + " of " + type.getSimpleName()
                        + " is final, but Quarry writes attributes when it reads rows: remove `final`, "
                        + "or mark the field `transient` if it is not a column");
            }
        }
        return ok;
    }

    private boolean checkJavaxInject(TypeElement type) {
        boolean ok = true;
        for (Element member : type.getEnclosedElements()) {
            if (hasAnnotation(member, JAVAX_INJECT)) {
                ok = error(member, "JavaxInject", member.getSimpleName() + " of " + type.getSimpleName()
                        + " is marked javax.inject.Inject, which Guice 7 ignores, so it would never be injected: "
                        + "use jakarta.inject.Inject");
            }
        }
        return ok;
    }

    private boolean checkScopes(TypeElement type) {
        boolean ok = true;
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (!hasAnnotation(method, SCOPE)) {
                continue;
            }
            List<? extends VariableElement> params = method.getParameters();
            if (params.isEmpty() || !isQuery(params.get(0).asType())) {
                ok = error(method, "ScopeSignature", "Scope " + method.getSimpleName() + " of " + type.getSimpleName()
                        + " must take the query first: `void " + method.getSimpleName() + "(Query<" + type.getSimpleName()
                        + "> query, ...)`");
            }
        }
        return ok;
    }

    /** Relation methods: Quarry calls them without arguments, and the generated setters call them too. */
    private boolean checkRelations(TypeElement type) {
        boolean ok = true;
        String name = type.getSimpleName().toString();
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            RelationSetters.Kind kind = RelationSetters.kind(method);
            ok &= checkPivotColumns(type, method, kind);
            if (kind == null) {
                continue;
            }
            String relation = method.getSimpleName().toString();
            String typeName = kind.type.substring(kind.type.lastIndexOf('.') + 1);
            List<? extends TypeMirror> arguments = ((DeclaredType) method.getReturnType()).getTypeArguments();
            if (!method.getParameters().isEmpty()) {
                String example = kind == RelationSetters.Kind.BELONGS_TO_MANY_TABLE
                        ? "`public BelongsToManyTable<" + name + "> " + relation + "() { return belongsToManyTable(\"tags\"); }`"
                        : "`public " + typeName + "<" + name + ", Tag> " + relation + "() { return "
                                + Character.toLowerCase(typeName.charAt(0)) + typeName.substring(1) + "(Tag.class); }`";
                ok = error(method, "RelationSignature", "Relation " + relation + " of " + name + " takes parameters, but Quarry "
                        + "calls a relation method without arguments to load and sync it: remove the parameters, e.g. " + example);
            } else if (method.getModifiers().contains(Modifier.STATIC)) {
                ok = error(method, "RelationSignature", "Relation " + relation + " of " + name
                        + " is static, but a relation belongs to one entity: remove `static`");
            } else if (method.getModifiers().contains(Modifier.PRIVATE)) {
                ok = error(method, "RelationSignature", "Relation " + relation + " of " + name
                        + " is private, so its generated setter cannot call it: make it public");
            } else if (arguments.size() != kind.typeArguments
                    || !types.isSameType(types.erasure(arguments.get(0)), types.erasure(type.asType()))) {
                ok = error(method, "RelationSignature", "Relation " + relation + " of " + name + " returns "
                        + method.getReturnType() + ", but it must name its entity" + (kind.typeArguments == 2 ? " and the related one" : "")
                        + ": `" + typeName + "<" + name + (kind.typeArguments == 2
                                ? ", " + (arguments.size() == 2 ? simple(arguments.get(1)) : "Related") : "") + ">`");
            }
        }
        return ok;
    }

    /** {@code @PivotColumns} belongs on a belongsToMany method and names columns the metamodel can hold. */
    private boolean checkPivotColumns(TypeElement type, ExecutableElement method, RelationSetters.Kind kind) {
        if (!hasAnnotation(method, Metamodel.PIVOT_COLUMNS)) {
            return true;
        }
        if (kind != RelationSetters.Kind.BELONGS_TO_MANY) {
            return error(method, "PivotColumnsPlacement", "@PivotColumns on " + method.getSimpleName() + " of "
                    + type.getSimpleName() + " declares pivot columns, but only a method returning BelongsToMany has a pivot: "
                    + "move it to the belongsToMany relation, or remove it");
        }
        boolean ok = true;
        for (String column : Metamodel.pivotColumns(method)) {
            if (!Metamodel.isValidColumn(column)) {
                ok = error(method, "PivotColumnsName", "@PivotColumns on " + method.getSimpleName() + " of "
                        + type.getSimpleName() + " names the column \"" + column + "\", but a pivot column has only "
                        + "letters, digits and _ and does not start with a digit");
            }
        }
        return ok;
    }

    private static String simple(TypeMirror type) {
        String text = type.toString();
        return text.substring(text.lastIndexOf('.') + 1);
    }

    private boolean isQuery(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(QUERY);
    }

    private boolean hasUsableConstructor(TypeElement type) {
        List<ExecutableElement> constructors = ElementFilter.constructorsIn(type.getEnclosedElements());
        for (ExecutableElement constructor : constructors) {
            if (isInjected(constructor)) {
                return true;
            }
            if (constructor.getParameters().isEmpty() && !constructor.getModifiers().contains(Modifier.PRIVATE)) {
                return true;
            }
        }
        return false;
    }

    private DeclaredType findBaseEntity(TypeMirror type) {
        for (TypeMirror t = type; t.getKind() == TypeKind.DECLARED; ) {
            TypeElement element = (TypeElement) ((DeclaredType) t).asElement();
            if (element.getQualifiedName().contentEquals(BASE_ENTITY)) {
                return (DeclaredType) t;
            }
            t = element.getSuperclass();
        }
        return null;
    }

    private static boolean directlyExtendsBase(TypeElement type) {
        TypeMirror parent = type.getSuperclass();
        return parent.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) parent).asElement()).getQualifiedName().contentEquals(BASE_ENTITY);
    }

    private static boolean isInjected(Element element) {
        return element.getAnnotationMirrors().stream().anyMatch(m -> INJECT.contains(qualifiedName(m)));
    }

    private static boolean hasAnnotation(Element element, String annotation) {
        return element.getAnnotationMirrors().stream().anyMatch(m -> qualifiedName(m).equals(annotation));
    }

    private static String qualifiedName(AnnotationMirror mirror) {
        return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
    }

    private boolean error(Element element, String id, String message) {
        env.getMessager().printMessage(Diagnostic.Kind.ERROR, "[Quarry/" + id + "] " + message + ".", element);
        return false;
    }
}
