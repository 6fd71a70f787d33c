package filter

import (
	"fmt"
	"slices"
)

// maxClauses bounds the normal forms tried when a filter nests too deep:
// beyond it the rewrite could not fit Intercom's limits anyway.
const maxClauses = MaxGroupSize * MaxGroupSize

// maxClauseWidth bounds a clause while normal forms are built; clauses are
// pruned (subsumed ones dropped) only at the end, so this is looser than the
// group size a clause finally needs.
const maxClauseWidth = 4 * MaxGroupSize

// fitWithin returns a query equivalent to n within Intercom's limits: n
// itself when it fits (after splitting wide groups), else its conjunctive or
// disjunctive normal form when one of them fits.
func fitWithin(n node) (node, bool) {
	if fitted, ok := split(n); ok {
		return fitted, true
	}
	for _, outer := range []string{opAnd, opOr} {
		nf, ok := normalForm(n, outer)
		if !ok {
			continue
		}
		if fitted, ok := split(nf); ok {
			return fitted, true
		}
	}
	return node{}, false
}

// split fits a tree of at most two levels into groups of at most
// MaxGroupSize: a group with too many single filters moves some of them
// into sub-groups of the same operator, which is possible at the top level
// only (a sub-group of a sub-group would be a third level).
func split(n node) (node, bool) {
	if n.group == "" {
		return n, true
	}
	if n.depth() > MaxDepth {
		return node{}, false
	}
	var groups, atoms []node
	for _, k := range n.kids {
		if k.group == "" {
			atoms = append(atoms, k)
			continue
		}
		if len(k.kids) > MaxGroupSize {
			return node{}, false
		}
		groups = append(groups, k)
	}
	slots := MaxGroupSize - len(groups)
	if len(atoms) <= slots {
		return n, true
	}
	if slots <= 0 {
		return node{}, false
	}
	// Each sub-group takes one slot and holds up to MaxGroupSize filters,
	// so it frees MaxGroupSize-1 slots.
	packs := (len(atoms) - slots + MaxGroupSize - 2) / (MaxGroupSize - 1)
	if packs > slots {
		return node{}, false
	}
	direct := slots - packs
	kids := append(slices.Clone(groups), atoms[:direct]...)
	for rest := atoms[direct:]; len(rest) > 0; {
		size := min(MaxGroupSize, len(rest))
		kids = append(kids, node{group: n.group, kids: rest[:size], path: n.path})
		rest = rest[size:]
	}
	return node{group: n.group, kids: kids, path: n.path}, true
}

// normalForm rewrites n as an outer group of inner groups of single filters:
// conjunctive normal form (an AND of ORs) when outer is AND, disjunctive
// (an OR of ANDs) when it is OR. It gives up past maxClauses.
func normalForm(n node, outer string) (node, bool) {
	clauses, ok := clausesOf(n, outer)
	if !ok {
		return node{}, false
	}
	clauses = dropSubsumed(clauses)
	inner := opOr
	if outer == opOr {
		inner = opAnd
	}
	kids := make([]node, len(clauses))
	for i, c := range clauses {
		kids[i] = group(inner, n.path, c.atoms)
	}
	return group(outer, n.path, kids), true
}

// clause is a set of single filters, with their keys for set operations.
type clause struct {
	atoms []node
	keys  map[string]bool
}

func clauseOf(atoms ...node) clause {
	c := clause{keys: map[string]bool{}}
	for _, a := range atoms {
		c = c.with(a)
	}
	return c
}

func (c clause) with(a node) clause {
	k := a.key()
	if c.keys[k] {
		return c
	}
	keys := make(map[string]bool, len(c.keys)+1)
	for kk := range c.keys {
		keys[kk] = true
	}
	keys[k] = true
	return clause{atoms: append(slices.Clone(c.atoms), a), keys: keys}
}

func (c clause) union(d clause) clause {
	out := c
	for _, a := range d.atoms {
		out = out.with(a)
	}
	return out
}

func (c clause) subsetOf(d clause) bool {
	if len(c.keys) > len(d.keys) {
		return false
	}
	for k := range c.keys {
		if !d.keys[k] {
			return false
		}
	}
	return true
}

// clausesOf lists the clauses of n's normal form with the given outer operator.
func clausesOf(n node, outer string) ([]clause, bool) {
	if n.group == "" {
		return []clause{clauseOf(n)}, true
	}
	if n.group == outer {
		var out []clause
		for _, k := range n.kids {
			cs, ok := clausesOf(k, outer)
			if !ok {
				return nil, false
			}
			out = append(out, cs...)
			if len(out) > maxClauses {
				return nil, false
			}
		}
		return out, true
	}
	// The inner operator distributes over the outer one: every choice of one
	// clause per kid makes a clause.
	out := []clause{clauseOf()}
	for _, k := range n.kids {
		cs, ok := clausesOf(k, outer)
		if !ok {
			return nil, false
		}
		next := make([]clause, 0, len(out)*len(cs))
		for _, a := range out {
			for _, b := range cs {
				u := a.union(b)
				if len(u.atoms) > maxClauseWidth {
					return nil, false
				}
				next = append(next, u)
			}
			if len(next) > maxClauses {
				return nil, false
			}
		}
		out = next
	}
	return out, true
}

// dropSubsumed removes duplicate clauses and clauses that contain another:
// in an AND of ORs, (a OR b) adds nothing next to (a); dually for OR of ANDs.
func dropSubsumed(cs []clause) []clause {
	slices.SortStableFunc(cs, func(a, b clause) int { return len(a.atoms) - len(b.atoms) })
	var out []clause
	for _, c := range cs {
		redundant := false
		for _, kept := range out {
			if kept.subsetOf(c) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, c)
		}
	}
	return out
}

// diagnose names the part of a filter that cannot fit Intercom's limits, and why.
func diagnose(n node) (path, why string) {
	if n.depth() > MaxDepth {
		if p, ok := deepest(n, 1); ok {
			return p, fmt.Sprintf("this filter nests and/or groups deeper than the %d levels Intercom allows, "+
				"and no rewriting of the whole filter stays within %d levels of at most %d filters each; simplify it or split the query",
				MaxDepth, MaxDepth, MaxGroupSize)
		}
	}
	for _, k := range n.kids {
		if k.group != "" && len(k.kids) > MaxGroupSize {
			return k.path, fmt.Sprintf("this filter needs %d conditions in one group inside another, more than the %d Intercom allows in a group "+
				"(only the top-level group can be split); use fewer values or conditions here", len(k.kids), MaxGroupSize)
		}
	}
	return n.path, fmt.Sprintf("this filter needs more conditions and groups at its top level than Intercom's limit of %d filters a group "+
		"can hold, even split into sub-groups; use fewer conditions", MaxGroupSize)
}

// deepest finds a group below the allowed depth and returns its path.
func deepest(n node, level int) (string, bool) {
	if n.group == "" {
		return "", false
	}
	if level > MaxDepth {
		return n.path, true
	}
	for _, k := range n.kids {
		if p, ok := deepest(k, level+1); ok {
			return p, true
		}
	}
	return "", false
}
