import { UriUtils, type AstNode, type URI } from 'langium';
import { itemProvenance, itemText, itemTitle, kindLabel, shownName, titleOf, type CatalogueItem } from '../catalogue/item-descriptions.js';
import { isCompetence, type Area, type Coverable, type Role, type SkillSet } from '../generated/ast.js';
import type { CoverageTally, RequirementOrigin, TallySubject } from './coverage-analysis.js';
import { nameList } from '../text/name-list.js';
import type { RoleRequiring } from './item-usage.js';
import type { SyntaxErrorSite } from './syntax-error-site.js';

/**
 * The words people read about coverage, from titles as a curriculum designer knows them:
 * 'Probation Officer (through Probation Services Officer)', 'the Court Work pathway'.
 * Identifiers stay in the data (diagnostic data, matrix ids); every message, hover, lens
 * and view that names a role, a pathway or a skill set takes its label from here.
 */
export interface CoverageLabels {
    /** 'Probation Officer'. */
    role(role: Role): string;
    /** 'the Court Work pathway'. */
    pathway(area: Area): string;
    /** 'Court Work': a specialist area's title, as a list of pathways shows it. */
    area(area: Area): string;
    /**
     * A standard as the standards name it, by kind and words: 'the PQF outcome "develop own knowledge and skills"',
     * 'the NOS unit "Deliver accredited programmes"'; a lettered competence, which has no title, by
     * section, letter and text: 'core competence 3.1 a "Explain the legal …"'.
     */
    standard(item: CatalogueItem): string;
    /** 'the core skill set "Risk"'. */
    skillSet(skillSet: SkillSet): string;
    /** 'Probation Officer (through Probation Services Officer)' or 'the Court Work pathway'. */
    origin(origin: RequirementOrigin): string;
    /** Each distinct origin once, as prose: 'Case manager and High risk case manager (through Case manager)'. */
    origins(origins: RequirementOrigin[]): string;
    /** 'Probation Officer requires' or 'Case manager and the Court Work pathway require'. */
    originsRequire(origins: RequirementOrigin[]): string;
    /** 'Probation Officer' or 'Court Work pathway': the start of a tally line. */
    tallySubject(subject: TallySubject): string;
    /** 'Probation Officer: 12 of 14 requirements covered' or 'Court Work pathway: 1 of 2 units covered'. */
    tally(tally: CoverageTally): string;
    /** 'Case manager' or, when the role requires the unit's skill set, 'Case manager (any unit of the core skill set "Risk")'. */
    roleRequiring(requiring: RoleRequiring): string;
    /**
     * Why a programme's coverage is not shown, as the diagnostic, the lens and the view say it:
     * 'Coverage is checked once the syntax error on line 12 is fixed', naming the file
     * (relative to the programme's) when it is another: '… on line 4 of modules/court.tspec …'.
     */
    syntaxErrorWait(site: SyntaxErrorSite, programmeFile: URI): string;
    /** Quoted titles, at most `limit` of them: '"Assess risk of harm …", "Contribute to …" and 3 more'. */
    titles(items: Coverable[], limit?: number): string;
}

export class DefaultCoverageLabels implements CoverageLabels {
    role(role: Role): string {
        return labelOf(role);
    }

    pathway(area: Area): string {
        return `the ${labelOf(area)} pathway`;
    }

    area(area: Area): string {
        return labelOf(area);
    }

    standard(item: CatalogueItem): string {
        const kind = kindLabel(item.$type);
        if (isCompetence(item)) {
            const provenance = itemProvenance(item);
            const text = itemText(item);
            return [kind, provenance.section, provenance.letter, text && `"${text}"`].filter(part => part).join(' ');
        }
        const words = itemTitle(item) || itemText(item);
        // An item whose words are still being typed is named by its name.
        return words ? `the ${kind} "${words}"` : `the ${kind} ${shownName(item)}`;
    }

    skillSet(skillSet: SkillSet): string {
        return `the core skill set "${labelOf(skillSet)}"`;
    }

    origin(origin: RequirementOrigin): string {
        if (origin.kind === 'pathway') {
            return this.pathway(origin.area);
        }
        const through = origin.via.slice(1).map(role => this.role(role));
        return through.length > 0 ? `${this.role(origin.role)} (through ${through.join(', ')})` : this.role(origin.role);
    }

    origins(origins: RequirementOrigin[]): string {
        return nameList(origins.map(origin => this.origin(origin)));
    }

    originsRequire(origins: RequirementOrigin[]): string {
        const labels = new Set(origins.map(origin => this.origin(origin)));
        return `${nameList([...labels])} ${labels.size === 1 ? 'requires' : 'require'}`;
    }

    tallySubject(subject: TallySubject): string {
        return subject.kind === 'role' ? this.role(subject.role) : `${labelOf(subject.area)} pathway`;
    }

    tally(tally: CoverageTally): string {
        const noun = tally.subject.kind === 'role' ? 'requirement' : 'unit';
        return `${this.tallySubject(tally.subject)}: ${tally.covered} of ${tally.total} ${noun}${tally.total === 1 ? '' : 's'} covered`;
    }

    roleRequiring(requiring: RoleRequiring): string {
        return requiring.skillSet ? `${this.role(requiring.role)} (any unit of ${this.skillSet(requiring.skillSet)})` : this.role(requiring.role);
    }

    syntaxErrorWait(site: SyntaxErrorSite, programmeFile: URI): string {
        const file = UriUtils.equals(site.uri, programmeFile) ? '' : ` of ${UriUtils.relative(UriUtils.dirname(programmeFile), site.uri)}`;
        return `Coverage is checked once the syntax error on line ${site.line}${file} is fixed`;
    }

    titles(items: Coverable[], limit = Number.POSITIVE_INFINITY): string {
        const shown = items.slice(0, items.length > limit ? limit - 1 : limit).map(item => `"${itemTitle(item) || shownName(item)}"`);
        const rest = items.length - shown.length;
        return rest > 0 ? `${shown.join(', ')} and ${rest} more` : nameList(shown);
    }
}

/** A declaration's title as people know it; its name (or that it has none) while its title is still being typed. */
function labelOf(node: AstNode): string {
    return titleOf(node) ?? shownName(node);
}
