package io.jenkins.plugins.projectboards.client;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A field of a card that holds one file, for vendors that keep a card's files in fields rather than in one list
 * ({@link BoardClient#attachmentsInFields()}; KE-chain: an activity's writable attachment properties). An upload into
 * the field replaces the file it holds.
 *
 * @param id the vendor's id of the field (KE-chain: the property's)
 * @param name its name, as {@code attachFile(property:)} names it
 * @param owner the vendor's id of the record the field belongs to, which an upload names too (KE-chain: the part)
 * @param file the file the field holds, or {@code null} when it is empty
 */
public record AttachmentField(String id, String name, String owner, Attachment file) {

    /**
     * The field a file goes into: the one {@code wanted} names (by id, or by a name no other field has), or, when
     * {@code wanted} is {@code null}, the card's only field. No field, several fields and no name, an unknown name and
     * a name several fields share are each a typed error on {@code property} that lists the choices.
     */
    public static AttachmentField pick(Vendor vendor, String operation, Card card, String wanted, List<AttachmentField> fields) {
        if (wanted == null) {
            if (fields.size() == 1) {
                return fields.get(0);
            }
            throw new ValidationException(vendor, operation, 0, "property", fields.isEmpty()
                    ? "'" + card.title() + "' has no writable attachment property to put a file in"
                    : "'" + card.title() + "' has " + fields.size() + " attachment properties (" + names(fields)
                            + "); name the one for the file with property:");
        }
        AttachmentField chosen = Names.pick(vendor, operation, "attachment property", wanted, fields,
                AttachmentField::id, AttachmentField::name);
        List<AttachmentField> sameName = fields.stream().filter(field -> field.name().equals(chosen.name())).toList();
        if (!wanted.equals(chosen.id()) && sameName.size() > 1) {
            throw new ValidationException(vendor, operation, 0, "property", sameName.size() + " attachment properties of '"
                    + card.title() + "' are named '" + chosen.name() + "'; name one by id: "
                    + sameName.stream().map(AttachmentField::id).collect(Collectors.joining(", ")));
        }
        return chosen;
    }

    private static String names(List<AttachmentField> fields) {
        return fields.stream().map(AttachmentField::name).collect(Collectors.joining(", "));
    }
}
