package main

// The progress line of a standalone run whose stderr is a terminal (and
// whose output is text): "grpcauthlint: analysed N of M packages" on
// one line that updates, erased when go vet is done. A cold first run
// on a large module takes minutes; a warm one never shows it.
//
// go vet runs the tool once per package (on every dependency too when
// the tool is new to the build cache). Each run appends one byte to the
// file named by $GRPCAUTHLINT_PROGRESS, which the command polls; the
// total is the packages go list -deps -test counts, computed beside go
// vet. The variable is not part of go vet's cache key, so a run with the
// progress line reuses the results of one without.

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"sync/atomic"
	"time"
)

const progressEnv = "GRPCAUTHLINT_PROGRESS"

const (
	progressDelay = time.Second            // show nothing on runs shorter than this
	progressTick  = 200 * time.Millisecond // redraw interval
)

// progressDelayEnv overrides progressDelay (a Go duration), for tests
// whose runs are quick.
const progressDelayEnv = "GRPCAUTHLINT_PROGRESS_DELAY"

// startProgress arranges for cmd (go vet, not yet started) to report
// progress to v.stderr; call the returned function when cmd is done.
func startProgress(cmd *exec.Cmd, v *vetter, patterns []string) (stop func()) {
	f, err := os.CreateTemp("", "grpcauthlint-progress")
	if err != nil {
		return func() {}
	}
	f.Close()
	cmd.Env = append(os.Environ(), progressEnv+"="+f.Name())

	var total atomic.Int64
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		// The denominator: every package go vet may run the tool on.
		list := exec.CommandContext(ctx, "go", append(v.goArgs("list", "-e", "-deps", "-test", "-f", "{{.ImportPath}}"), patterns...)...)
		out, _ := list.Output()
		if n := bytes.Count(out, []byte("\n")); n > 0 {
			total.Store(int64(n))
		}
	}()

	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		start := time.Now()
		delay := progressDelay
		if d, err := time.ParseDuration(os.Getenv(progressDelayEnv)); err == nil {
			delay = d
		}
		t := time.NewTicker(progressTick)
		defer t.Stop()
		shown := false
		for {
			select {
			case <-done:
				if shown {
					fmt.Fprint(v.stderr, "\r\033[K")
				}
				return
			case <-t.C:
			}
			if time.Since(start) < delay {
				continue
			}
			n := int64(0)
			if st, err := os.Stat(f.Name()); err == nil {
				n = st.Size()
			}
			line := fmt.Sprintf("grpcauthlint: analysed %d packages", n)
			if m := total.Load(); m > 0 {
				line = fmt.Sprintf("grpcauthlint: analysed %d of %d packages", min(n, m), m)
			}
			fmt.Fprint(v.stderr, "\r"+line+"\033[K")
			shown = true
		}
	}()
	return func() {
		close(done)
		<-finished
		cancel()
		os.Remove(f.Name())
	}
}

// reportProgress is the vet tool's side: one byte per package run.
func reportProgress() {
	name := os.Getenv(progressEnv)
	if name == "" {
		return
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return
	}
	f.Write([]byte{'.'})
	f.Close()
}
