package graph_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"intercom-graphql/graph/schemaview"
	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

// TestTheCostEstimateBoundsWhatRandomQueriesSpend generates random queries
// over the schema (random fields of every type reachable without required
// arguments, random page sizes, aliased copies of connections), runs each on
// the simulator with nothing cached, and checks that the estimate before the
// query (rateLimit.cost) is never below the upstream calls it made, and that
// no query spends more than the limit.
func TestTheCostEstimateBoundsWhatRandomQueriesSpend(t *testing.T) {
	const limit = 1000 // the default
	f := facadetest.New(t, facadetest.Options{Sim: intercomsim.Options{Seed: 9, Budget: 1 << 30, Sizes: intercomsim.Sizes{
		Admins: 6, Teams: 3, Tags: 8, Segments: 3, Companies: 12, Contacts: 60, Conversations: 40, Tickets: 30,
		Collections: 6, Articles: 40, NewsItems: 12}}})
	g := queryGenerator{schema: schemaview.Plain(), rng: rand.New(rand.NewPCG(15, 16))}
	worstRatio, worstQuery, spentMost := 0.0, "", 0.0
	queries, tooLarge := 150, 0
	if testing.Short() {
		queries = 30
	}
	for range queries {
		query := "{ rateLimit { cost } " + g.selection(g.schema.Query, 0) + " }"
		resp := f.Query(query, nil)
		if resp.Data == nil && len(resp.Errors) == 1 && strings.Contains(resp.Errors[0].Message, "at most") {
			tooLarge++ // beyond the depth or field limits: refused before it costs anything
			continue
		}
		if resp.Status != 200 || resp.Data == nil {
			t.Fatalf("a generated query was refused (%d): %s\n%s", resp.Status, resp.Raw, query)
		}
		estimate, _ := facadetest.Dig(resp.Data, "rateLimit", "cost").(float64)
		spent, _ := facadetest.Dig(resp.Extensions, "upstream", "calls").(float64)
		cut := false
		for _, e := range resp.Errors {
			cut = cut || e.Code() == "MAX_COST_EXCEEDED"
		}
		switch {
		case spent > limit:
			t.Errorf("spent %v calls, more than the limit of %d:\n%s", spent, limit, query)
		case cut && estimate < limit:
			t.Errorf("estimated at %v but stopped at the limit of %d:\n%s", estimate, limit, query)
		case estimate < spent:
			t.Errorf("estimated at %v but spent %v calls:\n%s", estimate, spent, query)
		}
		if spent > 0 && estimate/spent > worstRatio {
			worstRatio, worstQuery = estimate/spent, query
		}
		spentMost = max(spentMost, spent)
	}
	if tooLarge > queries/3 {
		t.Errorf("%d of %d generated queries were beyond the server's limits: the generator should stay within them", tooLarge, queries)
	}
	t.Logf("%d random queries (%d beyond the limits); most calls spent by one: %v; largest estimate/spent ratio: %.1f, for\n%s",
		queries, tooLarge, spentMost, worstRatio, worstQuery)
}

// queryGenerator writes random selections over the schema.
type queryGenerator struct {
	schema *ast.Schema
	rng    *rand.Rand
}

// maxGeneratedDepth keeps generated queries inside the default depth limit.
const maxGeneratedDepth = 4

// selection picks some of a type's fields, recursing into the objects.
func (g queryGenerator) selection(def *ast.Definition, depth int) string {
	var picked []string
	fields := g.usableFields(def)
	g.rng.Shuffle(len(fields), func(i, j int) { fields[i], fields[j] = fields[j], fields[i] })
	want := 1 + g.rng.IntN(3)
	for _, fd := range fields {
		if len(picked) == want {
			break
		}
		if s := g.field(fd, depth); s != "" {
			picked = append(picked, s)
			if g.rng.IntN(6) == 0 && strings.Contains(s, "(first:") {
				// An aliased copy with its own page: priced again, fetched again.
				picked = append(picked, fmt.Sprintf("again%d: %s", len(picked), g.field(fd, depth)))
			}
		}
	}
	if len(picked) == 0 {
		return "__typename"
	}
	return strings.Join(picked, " ")
}

func (g queryGenerator) field(fd *ast.FieldDefinition, depth int) string {
	target := g.schema.Types[fd.Type.Name()]
	args := ""
	if fd.Arguments.ForName("first") != nil {
		args = fmt.Sprintf("(first: %d)", []int{1, 3, 10, 20, 50, 100}[g.rng.IntN(6)])
	}
	switch target.Kind {
	case ast.Scalar, ast.Enum:
		return fd.Name + args
	case ast.Object:
		if depth >= maxGeneratedDepth {
			return ""
		}
		return fd.Name + args + " { " + g.selection(target, depth+1) + " }"
	case ast.Interface, ast.Union:
		if depth >= maxGeneratedDepth {
			return ""
		}
		possible := g.schema.GetPossibleTypes(target)
		concrete := possible[g.rng.IntN(len(possible))]
		return fd.Name + args + " { __typename ... on " + concrete.Name + " { " + g.selection(concrete, depth+1) + " } }"
	}
	return ""
}

// usableFields are the fields a query can select without inventing
// arguments: no required argument, and no introspection or dry run.
func (g queryGenerator) usableFields(def *ast.Definition) []*ast.FieldDefinition {
	var out []*ast.FieldDefinition
	for _, fd := range def.Fields {
		if strings.HasPrefix(fd.Name, "__") || fd.Name == "rateLimit" {
			continue
		}
		required := false
		for _, a := range fd.Arguments {
			required = required || (a.Type.NonNull && a.DefaultValue == nil)
		}
		if !required {
			out = append(out, fd)
		}
	}
	return out
}
