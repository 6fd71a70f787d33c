package graph_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"

	"intercom-graphql/httpapi/facadetest"
	"intercom-graphql/upstream/intercomsim"
)

func TestDataExportStatusAndDownloadLocation(t *testing.T) {
	f := facadetest.New(t, facadetest.Options{})
	jobs := f.Sim.Workspace(intercomsim.DemoToken).DataExportJobs()
	statuses := map[string]bool{}
	for job, status := range jobs {
		var data struct {
			DataExport struct {
				ID, IntercomID, JobIdentifier, Status, DownloadURL string
				DownloadExpiresAt                                  *string
			}
		}
		f.MustPost(`query($j: String!) { dataExport(jobIdentifier: $j) { id intercomId jobIdentifier status downloadUrl downloadExpiresAt } }`,
			&data, client.Var("j", job))
		e := data.DataExport
		statuses[e.Status] = true
		if e.JobIdentifier != job || e.IntercomID != job || e.Status != strings.ToUpper(status) {
			t.Errorf("job %s (%s) = %+v", job, status, e)
		}
		url := e.DownloadURL
		if (status == "completed") != (url != "") || (url != "") != (e.DownloadExpiresAt != nil) {
			t.Errorf("%s job %s: downloadUrl %q, downloadExpiresAt %v", status, job, url, e.DownloadExpiresAt)
		}
		if url != "" {
			// The location serves the data to whoever holds the workspace's token.
			req, _ := http.NewRequest(http.MethodGet, url, nil)
			req.Header.Set("Authorization", "Bearer "+intercomsim.DemoToken)
			req.Header.Set("Accept", "application/octet-stream")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK || len(body) < 2 || body[0] != 0x1f || body[1] != 0x8b {
				t.Errorf("downloading %s: %d, %d bytes, not gzip", url, resp.StatusCode, len(body))
			}
		}
		var got struct {
			Node struct{ ID, JobIdentifier string }
		}
		f.MustPost(`query($id: ID!) { node(id: $id) { id ... on DataExport { jobIdentifier } } }`, &got, client.Var("id", e.ID))
		if got.Node.JobIdentifier != job {
			t.Errorf("round trip of %+v gave %+v", e, got.Node)
		}
	}
	for _, s := range []string{"COMPLETED", "PENDING"} {
		if !statuses[s] {
			t.Errorf("no job is %s; statuses seen %v", s, statuses)
		}
	}
	resp := f.Query(`{ dataExport(jobIdentifier: "nosuchjob0000000") { status } }`, nil)
	if codeOf(resp, "dataExport") != "NOT_FOUND" {
		t.Errorf("unknown job: %s", resp.Raw)
	}
}
