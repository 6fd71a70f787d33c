package intercomsim

import (
	"compress/gzip"
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
)

func getDataExport(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.Lock() // a job created through the API moves on when read
	defer ws.mu.Unlock()
	rec, ok := ws.dataExportByID[r.PathValue("job_identifier")]
	if !ok {
		notFound(w, r, "Export job")
		return
	}
	ws.advanceExport(rec)
	writeJSON(w, http.StatusOK, renderDataExport(rec, scheme(r)+"://"+r.Host))
}

// downloadDataExport streams a completed job's message receipts as a gzipped
// CSV; a job that has not completed has nothing to download.
func downloadDataExport(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	rec, ok := ws.dataExportByID[r.PathValue("job_identifier")]
	if !ok || rec.status != "completed" {
		notFound(w, r, "Export job")
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s.csv.gz"`, rec.jobIdentifier))
	w.WriteHeader(http.StatusOK)
	gz := gzip.NewWriter(w)
	out := csv.NewWriter(gz)
	_ = out.Write([]string{"user_id", "user_external_id", "email", "name", "ruleset_id", "content_type", "content_title", "received_at", "first_open", "first_click"})
	for i, c := range ws.contacts {
		if i%7 != int(rec.seq%7) {
			continue
		}
		received := max(rec.createdAtAfter, min(c.contact.CreatedAt, rec.createdAtBefore))
		external, name := "", ""
		if c.contact.ExternalID != nil {
			external = *c.contact.ExternalID
		}
		if c.contact.Name != nil {
			name = *c.contact.Name
		}
		opened := ""
		if i%3 == 0 {
			opened = strconv.FormatInt(int64(received)+600, 10)
		}
		_ = out.Write([]string{c.contact.ID, external, c.contact.Email, name, strconv.Itoa(4000 + int(rec.seq%10)), "email",
			"Spring launch", strconv.FormatInt(int64(received), 10), opened, ""})
	}
	out.Flush()
	_ = gz.Close()
}
