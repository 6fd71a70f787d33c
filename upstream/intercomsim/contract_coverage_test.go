package intercomsim_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"intercom-graphql/upstream/internal/spectest"
)

// A response can match its schema and still leave out half of what Intercom
// sends: every property is optional in the spec. So across all the 200
// bodies of an operation, every property its schema documents must occur at
// least once, and every object or list of objects must occur non-empty at
// least once (else what is inside it went unchecked). The simulator renders
// through the client's models, so a property missing here is a property the
// models drop.

// neverSent lists what the simulator deliberately never sends, keyed by the
// nearest named schema and the property path within it, with the reason.
// An entry that stops being needed fails the test, so the list stays honest.
var neverSent = map[string]string{
	"conversation_part.attachments[]": "the seed attaches files only to the message that opens a conversation; " +
		"part_attachment's properties are checked there (conversation_source.attachments[])",
	"company_scroll.pages": "Intercom's scroll answers carry no pages object (pages: null in the spec's own example): " +
		"scroll_param is the only way on",
	"segment.count": "Intercom counts a segment's contacts only when asked, and only GET /segments takes include_count; " +
		"the include_count=true variant of listSegments checks it",
	"segment_list.pages": "Intercom does not paginate segments, and its answers (the spec's example among them) carry no pages object",
	"tag.applied_at": "only a tag applied to a conversation or ticket says when it was applied (the spec: only in tagging " +
		"operations); the workspace's tag list and a contact's tag list do not. retrieveConversation checks it",
	"tag.applied_by": "only a tag applied to a conversation or ticket says who applied it; see tag.applied_at",
	"visitor.companies.companies[]": "companies belong to users and leads; the simulator's visitors are anonymous and " +
		"attached to none, as in the spec's own examples, so every visitor's companies list is empty",
	"visitor.las_request_at": "the spec misspells last_request_at; Intercom's answers and the spec's examples carry " +
		"last_request_at, which the simulator sends (and the client reads either)",
	"data_export.job_identfier": "the spec misspells job_identifier; Intercom's answers and the spec's examples carry " +
		"job_identifier, which the simulator sends (and the client reads either)",
}

// coverageProblems checks the bodies of each row's operation against its 200 schema.
func coverageProblems(spec *spectest.Spec, rows []contractRow, bodies bodyLog) []string {
	needed := map[string]bool{}
	var problems []string
	check := func(label string, root *openapi3.Schema, owner string, seen []any) {
		if len(seen) == 0 {
			problems = append(problems, fmt.Sprintf("%s: no 200 answer was seen", label))
			return
		}
		c := coverage{report: func(key, path, what string) {
			if _, ok := neverSent[key]; ok {
				needed[key] = true
				return
			}
			problems = append(problems, fmt.Sprintf("%s: %s %s in every answer (schema property %s)", label, path, what, key))
		}}
		c.walk(root, owner, "", seen, 0)
	}
	ops := map[string]bool{}
	for _, row := range rows {
		ops[row.op] = true
	}
	for _, row := range rows {
		if row.bodySchema == "" && !documentsJSON(spec, row.op) {
			continue // a download: nothing in it for a schema to describe
		}
		if row.renderedAs != "" {
			if !ops[row.renderedAs] {
				problems = append(problems, fmt.Sprintf("%s is rendered as %s, which has no row", row.op, row.renderedAs))
			}
			continue
		}
		if row.writes != nil && !answersJSON(spec, row.op) {
			continue // Intercom takes the write and sends nothing back
		}
		root, owner, err := coverageRoot(spec, row)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		check(row.op, root, owner, bodies[row.op])
		for _, v := range row.variants {
			if key := bodyKey(row.op, v.bodySchema, row.bodySchema); key != row.op {
				root, err := spec.Schema(v.bodySchema)
				if err != nil {
					problems = append(problems, err.Error())
					continue
				}
				check(key, root, v.bodySchema, bodies[key])
			}
		}
	}
	for _, key := range slices.Sorted(maps.Keys(neverSent)) {
		if !needed[key] {
			problems = append(problems, fmt.Sprintf("neverSent[%q] is no longer needed: the simulator sends it now; remove the entry", key))
		}
	}
	return problems
}

func coverageRoot(spec *spectest.Spec, row contractRow) (*openapi3.Schema, string, error) {
	if row.bodySchema != "" {
		s, err := spec.Schema(row.bodySchema)
		return s, row.bodySchema, err
	}
	op, ok := spec.Operation(row.op)
	if !ok {
		return nil, "", fmt.Errorf("%s: no such operation in the spec", row.op)
	}
	s, err := op.ResponseSchema(200)
	if err != nil {
		return nil, "", err
	}
	mt := op.Responses.Status(200).Value.Content.Get("application/json")
	return s, schemaName(mt.Schema.Ref, row.op), nil
}

// documentsJSON says whether an operation's 200 answer has a JSON body.
func documentsJSON(spec *spectest.Spec, opID string) bool {
	op, ok := spec.Operation(opID)
	if !ok || op.Responses.Status(200) == nil || op.Responses.Status(200).Value == nil {
		return true // let coverageRoot report it
	}
	return op.Responses.Status(200).Value.Content.Get("application/json") != nil
}

// answersJSON says whether an operation documents a JSON body for its 200 answer.
func answersJSON(spec *spectest.Spec, opID string) bool {
	op, ok := spec.Operation(opID)
	return ok && op.Responses.Status(200) != nil && op.Responses.Status(200).Value != nil &&
		op.Responses.Status(200).Value.Content.Get("application/json") != nil
}

type coverage struct {
	// report names a gap: key is the allowlist key, path the JSON path from
	// the body's root, what the kind of gap.
	report func(key, path, what string)
}

// maxDepth stops the walk in recursive schemas; Intercom's bodies nest far less.
const maxDepth = 16

// walk checks the non-null values found at one place of the bodies against
// the schema for that place. owner is the allowlist prefix: the nearest
// named schema and the path inside it.
func (c coverage) walk(s *openapi3.Schema, owner, path string, values []any, depth int) {
	if s == nil || depth > maxDepth {
		return
	}
	for _, sub := range s.AllOf {
		c.walk(sub.Value, schemaName(sub.Ref, owner), path, values, depth+1)
	}
	// Each alternative of oneOf/anyOf answers for the values it accepts; an
	// alternative no value takes is not required, as the values pick it.
	for _, alts := range []openapi3.SchemaRefs{s.OneOf, s.AnyOf} {
		for _, alt := range alts {
			var taken []any
			for _, v := range values {
				if alt.Value.VisitJSON(v) == nil {
					taken = append(taken, v)
				}
			}
			if len(taken) > 0 {
				c.walk(alt.Value, schemaName(alt.Ref, owner), path, taken, depth+1)
			}
		}
	}
	if len(s.Properties) > 0 {
		var objects []map[string]any
		for _, v := range values {
			if m, ok := v.(map[string]any); ok {
				objects = append(objects, m)
			}
		}
		for _, name := range slices.Sorted(maps.Keys(s.Properties)) {
			prop := s.Properties[name]
			key, at := owner+"."+name, path+"."+name
			present := false
			var children []any
			for _, m := range objects {
				if v, ok := m[name]; ok {
					present = true
					if v != nil {
						children = append(children, v)
					}
				}
			}
			switch {
			case !present:
				c.report(key, strings.TrimPrefix(at, "."), "is missing")
			case len(children) == 0 && composite(prop.Value):
				c.report(key, strings.TrimPrefix(at, "."), "is null")
			default:
				c.walk(prop.Value, schemaName(prop.Ref, key), at, children, depth+1)
			}
		}
	}
	if s.Items != nil {
		var elems []any
		for _, v := range values {
			if a, ok := v.([]any); ok {
				elems = append(elems, a...)
			}
		}
		if len(elems) == 0 && len(values) > 0 && composite(s.Items.Value) {
			c.report(owner+"[]", strings.TrimPrefix(path, ".")+"[]", "is empty")
			return
		}
		c.walk(s.Items.Value, schemaName(s.Items.Ref, owner+"[]"), path+"[]", elems, depth+1)
	}
}

// composite says whether a schema describes something with parts to check.
func composite(s *openapi3.Schema) bool {
	return s != nil && (len(s.Properties) > 0 || s.Items != nil || len(s.AllOf) > 0 || len(s.OneOf) > 0 || len(s.AnyOf) > 0)
}

// schemaName is the component name a $ref points at, or fallback for an inline schema.
func schemaName(ref, fallback string) string {
	if name, ok := strings.CutPrefix(ref, "#/components/schemas/"); ok {
		return name
	}
	return fallback
}
