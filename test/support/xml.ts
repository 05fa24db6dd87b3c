/** An element of a parsed XML document. */
export interface XmlElement {
    name: string;
    attributes: Record<string, string>;
    children: XmlElement[];
    /** The element's own text, entities decoded. */
    text: string;
}

const NAME = String.raw`[A-Za-z_:][-\w.:]*`;
const TAG = new RegExp(String.raw`^<(/?)(${NAME})((?:\s+${NAME}\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(/?)>`);
const ATTRIBUTE = new RegExp(String.raw`(${NAME})\s*=\s*(?:"([^"<]*)"|'([^'<]*)')`, 'g');
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Parses XML strictly and throws on anything not well-formed: unbalanced or mismatched
 * tags, unquoted or repeated attributes, stray `<` or `&`, text outside the one root.
 * It takes the subset of XML that reports use (no comments, CDATA or DOCTYPE).
 */
export function parseXml(xml: string): XmlElement {
    const document: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
    const open = [document];
    let rest = xml.replace(/^<\?xml(\s+[^?<>]*)?\?>/, '');
    while (rest.length > 0) {
        const parent = open[open.length - 1];
        const textEnd = rest.indexOf('<') < 0 ? rest.length : rest.indexOf('<');
        if (textEnd > 0) {
            const text = rest.slice(0, textEnd);
            if (parent === document && text.trim() !== '') {
                throw new Error(`Text outside the root element: '${text.trim().slice(0, 40)}'`);
            }
            parent.text += decodeEntities(text);
            rest = rest.slice(textEnd);
            continue;
        }
        const tag = TAG.exec(rest);
        if (!tag) {
            throw new Error(`Malformed markup at '${rest.slice(0, 40)}'`);
        }
        rest = rest.slice(tag[0].length);
        const [, closing, name, attributes, selfClosing] = tag;
        if (closing) {
            if (attributes || selfClosing || parent === document || parent.name !== name) {
                throw new Error(`Unexpected '</${name}>' while '${parent.name}' is open`);
            }
            open.pop();
            continue;
        }
        const element: XmlElement = { name, attributes: parseAttributes(attributes), children: [], text: '' };
        if (parent === document && document.children.length > 0) {
            throw new Error(`A second root element '${name}'`);
        }
        parent.children.push(element);
        if (!selfClosing) {
            open.push(element);
        }
    }
    if (open.length > 1 || document.children.length === 0) {
        throw new Error(open.length > 1 ? `'${open[open.length - 1].name}' is never closed` : 'No root element');
    }
    return document.children[0];
}

function parseAttributes(source: string): Record<string, string> {
    const attributes: Record<string, string> = {};
    for (const [, name, doubleQuoted, singleQuoted] of source.matchAll(ATTRIBUTE)) {
        if (name in attributes) {
            throw new Error(`Attribute '${name}' appears twice`);
        }
        attributes[name] = decodeEntities(doubleQuoted ?? singleQuoted);
    }
    return attributes;
}

function decodeEntities(text: string): string {
    return text.replace(/&([^;&]*)(;?)/g, (whole, entity: string, semicolon: string) => {
        const reference = /^#(?:(\d+)|x([\da-f]+))$/i.exec(entity);
        const value = !semicolon ? undefined
            : reference ? String.fromCodePoint(reference[1] ? Number(reference[1]) : parseInt(reference[2], 16))
                : ENTITIES[entity];
        if (value === undefined) {
            throw new Error(`Not an XML entity: '${whole}'`);
        }
        return value;
    });
}

/** Every element in the tree with this name, depth first. */
export function elementsNamed(root: XmlElement, name: string): XmlElement[] {
    return [...(root.name === name ? [root] : []), ...root.children.flatMap(child => elementsNamed(child, name))];
}
