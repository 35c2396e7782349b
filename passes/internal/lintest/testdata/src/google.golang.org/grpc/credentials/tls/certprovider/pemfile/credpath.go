// Package pemfile is a stub of
// google.golang.org/grpc/credentials/tls/certprovider/pemfile for the
// analysistest cases.
package pemfile

import "time"

type Options struct {
	CertFile            string
	KeyFile             string
	RootFile            string
	SPIFFEBundleMapFile string
	RefreshDuration     time.Duration
}
