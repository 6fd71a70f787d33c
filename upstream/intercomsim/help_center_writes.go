package intercomsim

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"intercom-graphql/upstream"
)

// maxCollectionDepth is how deep the Help Center nests: a collection, its
// sections, and their sections.
const maxCollectionDepth = 2

type collectionBody struct {
	Name              *string                            `json:"name"`
	Description       *string                            `json:"description"`
	TranslatedContent *upstream.GroupTranslationsRequest `json:"translated_content"`
	ParentID          present[string]                    `json:"parent_id"`
	HelpCenterID      present[int64]                     `json:"help_center_id"`
}

// createCollection serves POST /help_center/collections: a name is required;
// a parent makes it a section, a help center places a first-level one.
func createCollection(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b collectionBody
	if !readBody(w, r, &b) {
		return
	}
	if b.Name == nil || strings.TrimSpace(*b.Name) == "" {
		writeError(w, requestIDFrom(r), http.StatusBadRequest, "parameter_not_found", "Name is a required parameter.", "name")
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	parent, ok := ws.checkCollectionParent(w, r, nil, b.ParentID.Value)
	if !ok {
		return
	}
	helpCenter := 0
	switch {
	case parent != nil:
		helpCenter = parent.helpCenter
		if b.HelpCenterID.Value != nil && ws.helpCenters[helpCenter].ID != strconv.FormatInt(*b.HelpCenterID.Value, 10) {
			invalid(w, r, "help_center_id", "a section belongs to its parent's help center")
			return
		}
	case b.HelpCenterID.Value != nil:
		helpCenter = slices.IndexFunc(ws.helpCenters, func(hc *upstream.HelpCenter) bool { return hc.ID == strconv.FormatInt(*b.HelpCenterID.Value, 10) })
		if helpCenter < 0 {
			invalid(w, r, "help_center_id", "help_center_id %d is not a help center of the workspace", *b.HelpCenterID.Value)
			return
		}
	}
	writeJSON(w, http.StatusOK, ws.applyCreateCollection(b, parent, helpCenter))
}

// checkCollectionParent finds the parent a request names (nil for none) and
// refuses one that does not exist, is too deep, or would put rec inside itself.
func (ws *Workspace) checkCollectionParent(w http.ResponseWriter, r *http.Request, rec *collectionRecord, parentID *string) (*collectionRecord, bool) {
	if parentID == nil {
		return nil, true
	}
	parent, ok := ws.collectionByID[*parentID]
	if !ok {
		invalid(w, r, "parent_id", "parent_id %s is not a collection of the workspace", *parentID)
		return nil, false
	}
	if parent.depth >= maxCollectionDepth {
		invalid(w, r, "parent_id", "collection %s is nested as deep as the Help Center allows", *parentID)
		return nil, false
	}
	for p := parent; rec != nil && p != nil; p = ws.parentOf(p) {
		if p == rec {
			invalid(w, r, "parent_id", "a collection cannot be placed inside itself")
			return nil, false
		}
	}
	return parent, true
}

func (ws *Workspace) parentOf(c *collectionRecord) *collectionRecord {
	if c.collection.ParentID == nil {
		return nil
	}
	return ws.collectionByID[*c.collection.ParentID]
}

// applyCreateCollection adds a collection or section after its siblings.
func (ws *Workspace) applyCreateCollection(b collectionBody, parent *collectionRecord, helpCenter int) upstream.Collection {
	now := ws.nowStamp()
	rec := &collectionRecord{seq: ws.nextSeq(), helpCenter: helpCenter}
	rec.collection = upstream.Collection{ID: nextNumericID(ws.collectionByID, 2_600_000), WorkspaceID: ws.app.IDCode, CreatedAt: now,
		Icon: ptr("book-bookmark"), Description: ptr("")}
	ws.placeCollection(rec, parent)
	ws.changeCollection(rec, b, now)
	ws.collections = append(ws.collections, rec)
	ws.collectionByID[rec.collection.ID] = rec
	return rec.collection
}

// placeCollection puts a collection under parent (nil: first level), last among its siblings.
func (ws *Workspace) placeCollection(rec, parent *collectionRecord) {
	c := &rec.collection
	c.ParentID, c.HelpCenterID, rec.depth = nil, nil, 0
	if parent != nil {
		c.ParentID, rec.depth, rec.helpCenter, rec.topic = ptr(parent.collection.ID), parent.depth+1, parent.helpCenter, parent.topic
	} else {
		c.HelpCenterID = ptr(mustInt(ws.helpCenters[rec.helpCenter].ID))
	}
	c.Order = 0
	for _, other := range ws.collections {
		if other != rec && ptrEqual(other.collection.ParentID, c.ParentID) && (c.ParentID != nil || ptrEqual(other.collection.HelpCenterID, c.HelpCenterID)) {
			c.Order = max(c.Order, other.collection.Order+1)
		}
	}
}

func ptrEqual[T comparable](a, b *T) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && *a == *b)
}

// changeCollection applies a request's name, description and translations.
func (ws *Workspace) changeCollection(rec *collectionRecord, b collectionBody, now upstream.Timestamp) {
	c := &rec.collection
	if b.Name != nil {
		c.Name = *b.Name
	}
	if b.Description != nil {
		c.Description = ptr(*b.Description)
	}
	c.UpdatedAt = now
	hc := helpCenterSeeds[min(rec.helpCenter, len(helpCenterSeeds)-1)]
	c.URL = nil
	if hc.websiteTurnedOn {
		c.URL = ptr(fmt.Sprintf("%s/en/collections/%s-%s", hc.url, c.ID, slug(c.Name)))
	}
	if !hc.multilingual && b.TranslatedContent == nil && c.TranslatedContent == nil {
		return
	}
	if c.TranslatedContent == nil {
		c.TranslatedContent = &upstream.GroupTranslatedContent{Type: ptr("group_translated_content")}
	}
	c.DefaultLocale = "en"
	for _, t := range b.TranslatedContent.Translations() {
		if t.Locale != "en" {
			c.TranslatedContent.Set(t.Locale, &upstream.GroupContent{Type: ptr("group_content"), Name: t.Content.Name, Description: t.Content.Description})
		}
	}
	c.TranslatedContent.Set("en", &upstream.GroupContent{Type: ptr("group_content"), Name: c.Name, Description: c.Description})
}

// updateCollection serves PUT /help_center/collections/{id}; a null parent_id
// makes the collection a first-level one.
func updateCollection(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b collectionBody
	if !readBody(w, r, &b) {
		return
	}
	if b.HelpCenterID.Set {
		badRequest(w, r, "bad_request", "bad 'help_center_id' parameter", "help_center_id")
		return
	}
	if b.Name != nil && strings.TrimSpace(*b.Name) == "" {
		invalid(w, r, "name", "name cannot be empty")
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	rec, ok := ws.collectionByID[r.PathValue("id")]
	if !ok {
		resourceNotFound(w, r, "")
		return
	}
	parent, ok := ws.checkCollectionParent(w, r, rec, b.ParentID.Value)
	if !ok {
		return
	}
	if b.ParentID.Set && parent != nil && ws.subtreeDepth(rec)+parent.depth+1 > maxCollectionDepth {
		invalid(w, r, "parent_id", "moving the collection there would nest its sections deeper than the Help Center allows")
		return
	}
	writeJSON(w, http.StatusOK, ws.applyUpdateCollection(rec, b, parent))
}

// subtreeDepth is how many levels of sections lie below a collection.
func (ws *Workspace) subtreeDepth(rec *collectionRecord) int {
	deepest := 0
	for _, c := range ws.collections {
		if c.collection.ParentID != nil && *c.collection.ParentID == rec.collection.ID {
			deepest = max(deepest, 1+ws.subtreeDepth(c))
		}
	}
	return deepest
}

func (ws *Workspace) applyUpdateCollection(rec *collectionRecord, b collectionBody, parent *collectionRecord) upstream.Collection {
	if b.ParentID.Set {
		ws.placeCollection(rec, parent)
		ws.relevelSections(rec)
	}
	ws.changeCollection(rec, b, ws.nowStamp())
	return rec.collection
}

// relevelSections keeps the depth of a moved collection's sections in step.
func (ws *Workspace) relevelSections(rec *collectionRecord) {
	for _, c := range ws.collections {
		if c.collection.ParentID != nil && *c.collection.ParentID == rec.collection.ID {
			c.depth, c.helpCenter, c.topic = rec.depth+1, rec.helpCenter, rec.topic
			ws.relevelSections(c)
		}
	}
}

// deleteCollection serves DELETE /help_center/collections/{id}.
func deleteCollection(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.Lock()
	defer ws.mu.Unlock()
	rec, ok := ws.collectionByID[r.PathValue("id")]
	if !ok {
		resourceNotFound(w, r, "")
		return
	}
	writeJSON(w, http.StatusOK, ws.applyDeleteCollection(rec))
}

// applyDeleteCollection removes a collection with its sections; the articles
// filed there stay, without that parent.
func (ws *Workspace) applyDeleteCollection(rec *collectionRecord) upstream.DeletedObject {
	gone := map[string]bool{}
	var mark func(c *collectionRecord)
	mark = func(c *collectionRecord) {
		gone[c.collection.ID] = true
		for _, child := range ws.collections {
			if child.collection.ParentID != nil && *child.collection.ParentID == c.collection.ID {
				mark(child)
			}
		}
	}
	mark(rec)
	ws.collections = slices.DeleteFunc(ws.collections, func(c *collectionRecord) bool { return gone[c.collection.ID] })
	for id := range gone {
		delete(ws.collectionByID, id)
	}
	for _, a := range ws.articles {
		ws.unfileArticle(a, gone)
	}
	return upstream.DeletedObject{ID: rec.collection.ID, Object: "collection", Deleted: true}
}

// unfileArticle takes the deleted collections out of an article's parents.
func (ws *Workspace) unfileArticle(a *articleRecord, gone map[string]bool) {
	kept := a.article.ParentIDs[:0:0]
	a.helpCenterIDs = nil
	for _, id := range a.article.ParentIDs {
		if c, ok := ws.collectionByID[strconv.FormatInt(id, 10)]; ok && !gone[c.collection.ID] {
			kept = append(kept, id)
			a.helpCenterIDs = append(a.helpCenterIDs, ws.helpCenters[c.helpCenter].ID)
		}
	}
	if len(kept) == len(a.article.ParentIDs) {
		return
	}
	a.article.ParentIDs = kept
	a.article.ParentID, a.article.ParentType = nil, nil
	if len(kept) > 0 {
		first := ws.collectionByID[strconv.FormatInt(kept[0], 10)]
		a.article.ParentID, a.article.ParentType = ptr(kept[0]), ptr(parentTypeOf(first))
	}
	a.article.UpdatedAt = ws.nowStamp()
}
