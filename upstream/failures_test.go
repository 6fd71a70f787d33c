package upstream_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"

	"intercom-graphql/upstream"
	"intercom-graphql/upstream/intercomsim"
)

// A failed call answers nil beside its error, as go-github's methods do: a
// zero object could pass for an empty list or a contact with no fields.
// Every method of every service is called, with zero arguments, while the
// simulator fails the way the case says.
func TestAFailingCallReturnsNoObject(t *testing.T) {
	for _, tc := range []struct {
		name  string
		token string // "" is the simulator's demo workspace
		fault *intercomsim.Fault
	}{
		{name: "Intercom refuses the token", token: "no-such-token"},
		{name: "Intercom has no such object", fault: &intercomsim.Fault{Kind: intercomsim.FaultStatus, Status: http.StatusNotFound}},
		{name: "Intercom fails", fault: &intercomsim.Fault{Kind: intercomsim.FaultStatus, Status: http.StatusInternalServerError}},
		{name: "the answer is not JSON", fault: &intercomsim.Fault{Kind: intercomsim.FaultMalformed}},
		{name: "the answer stops halfway", fault: &intercomsim.Fault{Kind: intercomsim.FaultTruncated}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sim := intercomsim.New(intercomsim.Options{Sizes: smallSizes})
			if tc.fault != nil {
				sim.InjectFault(*tc.fault)
			}
			srv := httptest.NewServer(sim.Handler())
			defer srv.Close()
			token := tc.token
			if token == "" {
				token = intercomsim.DemoToken
			}
			c, err := upstream.New(upstream.Config{Token: token, BaseURL: srv.URL, Retry: &upstream.RetryPolicy{MaxAttempts: 1}})
			if err != nil {
				t.Fatal(err)
			}
			for name, method := range serviceMethods(c) {
				out := callWithZeroArguments(method)
				if err, _ := out[len(out)-1].Interface().(error); err == nil {
					t.Errorf("%s succeeded", name)
				}
				if len(out) == 2 && !out[0].IsNil() {
					t.Errorf("%s failed and still answered %+v", name, out[0].Interface())
				}
			}
		})
	}
}

// serviceMethods are the exported methods of every service on the client,
// by "Service.Method".
func serviceMethods(c *upstream.Client) map[string]reflect.Value {
	out := map[string]reflect.Value{}
	v := reflect.ValueOf(c).Elem()
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if !f.IsExported() || f.Type.Kind() != reflect.Pointer || f.Type.Elem().Kind() != reflect.Struct {
			continue
		}
		for j := range f.Type.NumMethod() {
			out[f.Name+"."+f.Type.Method(j).Name] = v.Field(i).Method(j)
		}
	}
	return out
}

// callWithZeroArguments calls a method with a background context and the
// zero value of each of its other parameters.
func callWithZeroArguments(method reflect.Value) []reflect.Value {
	args := []reflect.Value{reflect.ValueOf(context.Background())}
	for i := 1; i < method.Type().NumIn(); i++ {
		args = append(args, reflect.Zero(method.Type().In(i)))
	}
	return method.Call(args)
}
