package dev.quarry.it.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One operation of a sequence, kept as indexes into the property's fixture (which side, which
 * parent, which related row in which form, which attributes) so that it can be replayed, printed
 * and shrunk.
 */
record Step(Op op, int side, int parent, List<Arg> args, List<Integer> attrs, boolean varargs) {

    enum Op {
        ATTACH("attach"), ATTACH_ATTRS("attach"), ATTACH_MAP("attach"), DETACH("detach"), DETACH_ALL("detach"),
        SYNC("sync"), SYNC_FALSE("sync"), SYNC_WITHOUT_DETACHING("sync"), SYNC_MAP("sync"),
        SYNC_WITH_PIVOT_VALUES("syncWithPivotValues"), TOGGLE("toggle"), UPDATE_EXISTING_PIVOT("updateExistingPivot"),
        SETTER("sync");

        /** The operation's name as errors report it. */
        final String reported;

        Op(String reported) {
            this.reported = reported;
        }

        boolean perIdAttributes() {
            return this == ATTACH_MAP || this == SYNC_MAP;
        }

        boolean oneAttributeSet() {
            return this == ATTACH_ATTRS || this == SYNC_WITH_PIVOT_VALUES || this == UPDATE_EXISTING_PIVOT;
        }
    }

    /** An argument: a known related row in one of its forms, an unknown id, or a value to be refused. */
    record Arg(Kind kind, int index, int form) {
        /** UNSAVED_WITH_KEY: an unsaved entity whose key the caller assigned; see ModelRunner#UNSAVED_WITH_KEY_BUG. */
        enum Kind { KNOWN, UNKNOWN, INVALID, UNSAVED_WITH_KEY }

        Object resolve(RelationSide side) {
            return switch (kind) {
                case KNOWN -> side.related.get(index).forms().get(form);
                case UNKNOWN -> side.unknown.get(index);
                case INVALID -> side.invalid.get(index);
                case UNSAVED_WITH_KEY -> side.unsavedWithKey.get(index);
            };
        }
    }

    Step withoutArg(int i) {
        List<Arg> fewer = new ArrayList<>(args);
        fewer.remove(i);
        List<Integer> fewerAttrs = new ArrayList<>(attrs);
        if (op.perIdAttributes()) {
            fewerAttrs.remove(i);
        }
        return new Step(op, side, parent, fewer, fewerAttrs, varargs);
    }

    Map<String, Object> attributes(RelationSide s, int i) {
        int index = attrs.get(i);
        return index < s.attributes.size() ? s.attributes.get(index) : s.badAttributes.get(index - s.attributes.size());
    }

    /** The call as Java, e.g. {@code User.roles[parent 1].attach(Role(3), "4", 999999L)}. */
    String describe(List<RelationSide> sides) {
        RelationSide s = sides.get(side);
        List<String> values = args.stream().map(a -> RelationSide.describe(a.resolve(s))).toList();
        String list = varargs ? String.join(", ", values) : "List.of(" + String.join(", ", values) + ")";
        String target = s.label + "[parent " + parent + " " + s.parentKeys.get(parent) + "]";
        String call = switch (op) {
            case ATTACH -> "attach(" + list + ")";
            case ATTACH_ATTRS -> "attach(" + (varargs && args.size() == 1 ? values.get(0) : "List.of(" + String.join(", ", values) + ")")
                    + ", " + RelationSide.describe(attributes(s, 0)) + ")";
            case ATTACH_MAP, SYNC_MAP -> {
                StringBuilder map = new StringBuilder();
                for (int i = 0; i < args.size(); i++) {
                    map.append(i == 0 ? "" : ", ").append(values.get(i)).append(" -> ").append(RelationSide.describe(attributes(s, i)));
                }
                yield (op == Op.ATTACH_MAP ? "attach" : "sync") + "(map{" + map + "})";
            }
            case DETACH -> "detach(" + (varargs ? "new Object[]{" + list + "}" : list) + ")";
            case DETACH_ALL -> "detach()";
            case SYNC -> "sync(" + list + ")";
            case SYNC_FALSE -> "sync(List.of(" + String.join(", ", values) + "), false)";
            case SYNC_WITHOUT_DETACHING -> "syncWithoutDetaching(" + list + ")";
            case SYNC_WITH_PIVOT_VALUES -> "syncWithPivotValues(List.of(" + String.join(", ", values) + "), "
                    + RelationSide.describe(attributes(s, 0)) + ")";
            case TOGGLE -> "toggle(" + list + ")";
            case UPDATE_EXISTING_PIVOT -> "updateExistingPivot(" + values.get(0) + ", " + RelationSide.describe(attributes(s, 0)) + ")";
            case SETTER -> "set" + Character.toUpperCase(s.relation.charAt(0)) + s.relation.substring(1) + "(" + list + ")";
        };
        return target + "." + call;
    }
}
