// Package joins builds credential paths with filepath.Join and path.Join.
package joins

import (
	"crypto/tls"
	"os"
	"path"
	"path/filepath"

	"google.golang.org/api/option"
)

const base = "/home/alice"

func joins() {
	option.WithCredentialsFile(filepath.Join(base, ".config", "gcloud", "sa.json")) // want `Google credentials file "/home/alice/\.config/gcloud/sa\.json" is in a home directory; read the path from configuration`
	option.WithCredentialsFile(path.Join("keys", "sa.json"))                        // want `Google credentials file "keys/sa\.json" is relative; read the path from configuration`
	dir := filepath.Join("/tmp", "certs")
	tls.LoadX509KeyPair(filepath.Join(dir, "tls.crt"), path.Join(dir, "tls.key"))   // want `"/tmp/certs/tls.crt" is in a temporary directory` `"/tmp/certs/tls.key" is in a temporary directory`
	option.WithCredentialsFile(filepath.Join("/var/run/secrets", "gcp", "sa.json")) // secrets mount

	home, _ := os.UserHomeDir()
	option.WithCredentialsFile(filepath.Join(home, "sa.json")) // computed at run time
	parts := []string{"/home/alice", "sa.json"}
	option.WithCredentialsFile(filepath.Join(parts...)) // not constant
	option.WithCredentialsFile(filepath.Join(os.Getenv("CREDS_DIR"), "sa.json"))
}
