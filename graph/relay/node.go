package relay

// Node is the Go side of the schema's Node interface. The graph's object types
// are the upstream client's models, which cannot know about GraphQL, so the
// interface asks nothing of them; the generated code tells them apart by type.
type Node interface{}
