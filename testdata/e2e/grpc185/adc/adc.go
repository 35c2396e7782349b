// Package adc sets GOOGLE_APPLICATION_CREDENTIALS for a client library.
package adc

import (
	"context"
	"os"

	"google.golang.org/api/idtoken"
)

func Client(ctx context.Context) error {
	os.Setenv("GOOGLE_APPLICATION_CREDENTIALS", "/home/alice/sa.json") // want "credpath: GOOGLE_APPLICATION_CREDENTIALS path \"/home/alice/sa.json\" is in a home directory; set the variable outside the program"
	_, err := idtoken.NewClient(ctx, "https://example.com")
	return err
}
