package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// settings are the server's flags, each bound to the environment variable
// that sets it when the flag is absent. A malformed value, in either place,
// stops the server with a message naming the variable (or flag) and what it
// accepts: a typo such as INTROSPECTION=off or REQUEST_TIMEOUT=30 must never
// leave the default quietly in force.
type settings struct {
	fs  *flag.FlagSet
	env map[string]string // flag name -> environment variable
}

func newSettings(command string) *settings {
	fs := flag.NewFlagSet(command, flag.ContinueOnError)
	// Errors are returned and logged as JSON by the caller; only -h prints usage.
	fs.SetOutput(io.Discard)
	return &settings{fs: fs, env: map[string]string{}}
}

func (s *settings) add(v flag.Value, name, env, usage string) {
	s.fs.Var(v, name, usage+" ("+env+")")
	s.env[name] = env
}

func (s *settings) text(p *string, name, env, value, usage string) {
	*p = value
	s.add((*textValue)(p), name, env, usage)
}

// baseURL binds an absolute http(s) URL that other paths are joined to.
func (s *settings) baseURL(p *string, name, env, value, usage string) {
	*p = value
	s.add((*baseURLValue)(p), name, env, usage)
}

func (s *settings) choice(p *string, name, env, value, usage string, choices ...string) {
	*p = value
	s.add(&choiceValue{p: p, choices: choices}, name, env, usage+": "+strings.Join(choices, ", "))
}

func (s *settings) boolean(p *bool, name, env string, value bool, usage string) {
	*p = value
	s.add((*boolValue)(p), name, env, usage)
}

func (s *settings) duration(p *time.Duration, name, env string, value time.Duration, usage string, least time.Duration) {
	*p = value
	s.add(&durationValue{p: p, least: least}, name, env, usage)
}

// number binds an integer setting that must lie within [least, most].
func number[N int | int64](s *settings, p *N, name, env string, value N, usage string, least, most N) {
	*p = value
	s.add(&numberValue[N]{p: p, least: least, most: most}, name, env, usage)
}

// rate binds a per-minute rate: a positive number, or -1 for no limit.
func (s *settings) rate(p *int, name, env string, value int, usage string) {
	*p = value
	s.add(&numberValue[int]{p: p, least: 1, most: 1_000_000_000, off: -1}, name, env, usage)
}

// parse reads the environment, then the command line, which wins.
func (s *settings) parse(args []string) error {
	var errs []error
	s.fs.VisitAll(func(f *flag.Flag) {
		env := s.env[f.Name]
		if v, ok := os.LookupEnv(env); ok && v != "" {
			if err := f.Value.Set(v); err != nil {
				errs = append(errs, fmt.Errorf("%s=%q: %w", env, v, err))
			}
		}
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	if err := s.fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			s.fs.SetOutput(os.Stdout)
			s.fs.PrintDefaults()
		}
		return err
	}
	if s.fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", s.fs.Args())
	}
	return nil
}

type textValue string

func (v *textValue) String() string     { return string(*v) }
func (v *textValue) Set(s string) error { *v = textValue(s); return nil }

// baseURLValue is an absolute http or https URL without query or fragment:
// paths are appended to it, so anything else would make broken URLs later,
// far from the setting that caused them.
type baseURLValue string

func (v *baseURLValue) String() string { return string(*v) }

func (v *baseURLValue) Set(s string) error {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil || u.RawQuery != "" || u.ForceQuery || u.Fragment != "" {
		return errors.New("want an absolute http or https URL without query or fragment, such as https://cdn.jsdelivr.net/npm")
	}
	*v = baseURLValue(strings.TrimRight(s, "/"))
	return nil
}

type choiceValue struct {
	p       *string
	choices []string
}

func (v *choiceValue) String() string {
	if v.p == nil {
		return ""
	}
	return *v.p
}

func (v *choiceValue) Set(s string) error {
	if !slices.Contains(v.choices, s) {
		return fmt.Errorf("want one of %s", strings.Join(v.choices, ", "))
	}
	*v.p = s
	return nil
}

// boolValue accepts the spellings people write in environment files.
type boolValue bool

func (v *boolValue) String() string   { return strconv.FormatBool(bool(*v)) }
func (v *boolValue) IsBoolFlag() bool { return true }

func (v *boolValue) Set(s string) error {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "1", "on", "yes":
		*v = true
	case "false", "0", "off", "no":
		*v = false
	default:
		return errors.New("want true or false (on/off, yes/no and 1/0 are accepted too)")
	}
	return nil
}

type durationValue struct {
	p     *time.Duration
	least time.Duration
}

func (v *durationValue) String() string {
	if v.p == nil {
		return ""
	}
	return v.p.String()
}

func (v *durationValue) Set(s string) error {
	d, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil {
		return errors.New("want a duration with its unit, such as 30s, 500ms or 2m")
	}
	if d < v.least {
		if v.least == 0 {
			return errors.New("want a duration of 0 or more")
		}
		return fmt.Errorf("want a duration of at least %s", v.least)
	}
	*v.p = d
	return nil
}

type numberValue[N int | int64] struct {
	p           *N
	least, most N
	off         N // a value outside the range that means "no limit", or 0 for none
}

func (v *numberValue[N]) String() string {
	if v.p == nil {
		return ""
	}
	return strconv.FormatInt(int64(*v.p), 10)
}

func (v *numberValue[N]) Set(s string) error {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	inRange := err == nil && n >= int64(v.least) && n <= int64(v.most)
	if !inRange && (v.off == 0 || err != nil || n != int64(v.off)) {
		if v.off != 0 {
			return fmt.Errorf("want a whole number from %d to %d, or %d for no limit", v.least, v.most, v.off)
		}
		return fmt.Errorf("want a whole number from %d to %d", v.least, v.most)
	}
	*v.p = N(n)
	return nil
}
