import { DefaultIndexManager, type LangiumDocument } from 'langium';

/**
 * Indexes what each document declares but not what it references. The reference index serves
 * find-references, rename and the language server's update of dependent documents; a batch
 * check uses none of them, and at 10,000 files the index alone holds hundreds of megabytes.
 */
export class ContentIndexManager extends DefaultIndexManager {
    override async updateReferences(_document: LangiumDocument): Promise<void> {
        // Deliberately nothing: see the class comment.
    }
}
