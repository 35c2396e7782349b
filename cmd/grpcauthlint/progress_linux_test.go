package main_test

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// openPTY opens a pseudo-terminal pair: the master, read by the test,
// and the terminal, given to the command as its stderr.
func openPTY(t *testing.T) (master, tty *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals: %v", err)
	}
	var unlock int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, m.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		m.Close()
		t.Skipf("unlockpt: %v", e)
	}
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, m.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		m.Close()
		t.Skipf("ptsname: %v", e)
	}
	s, err := os.OpenFile("/dev/pts/"+strconv.Itoa(int(n)), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		m.Close()
		t.Skipf("open pts: %v", err)
	}
	t.Cleanup(func() { m.Close(); s.Close() })
	return m, s
}

// runOnTTY runs the linter with stderr on a terminal and returns what
// the terminal showed.
func runOnTTY(t *testing.T, dir string, args ...string) (stdout, tty string, code int) {
	t.Helper()
	master, term := openPTY(t)
	cmd := exec.Command(binary(t), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GRPCAUTHLINT_PROGRESS_DELAY=0", "TERM=xterm")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, term
	var shown bytes.Buffer
	done := make(chan struct{})
	go func() { io.Copy(&shown, master); close(done) }()
	err := cmd.Run()
	term.Close()
	<-done
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), shown.String(), code
}

// TestProgress: with stderr on a terminal, a run shows "analysed N of M
// packages" on one updating line and erases it; stdout holds only the
// findings. With -json, or stderr not a terminal, nothing of it.
func TestProgress(t *testing.T) {
	t.Parallel()
	dir := exampleCopy(t) // a new directory: its packages are analysed anew
	out, shown, code := runOnTTY(t, dir, "./...")
	if code != 3 || !strings.Contains(out, "metadatakey: ") {
		t.Fatalf("exit %d, stdout:\n%s", code, out)
	}
	if !strings.Contains(shown, "\rgrpcauthlint: analysed ") || !strings.Contains(shown, " packages\x1b[K") {
		t.Errorf("terminal shows no progress line:\n%q", shown)
	}
	if !strings.HasSuffix(shown, "\r\x1b[K") {
		t.Errorf("the progress line is not erased at the end:\n%q", shown)
	}
	if strings.Contains(out, "analysed") {
		t.Errorf("progress on stdout:\n%s", out)
	}

	// -json: no progress even on a terminal.
	if _, shown, _ := runOnTTY(t, exampleCopy(t), "-json", "./..."); strings.Contains(shown, "analysed") {
		t.Errorf("-json shows progress:\n%q", shown)
	}
	// stderr not a terminal: none either.
	_, errOut, _ := run(t, filepath.Clean(exampleCopy(t)), binary(t), "./...")
	if strings.Contains(errOut, "analysed") {
		t.Errorf("progress on a stderr that is not a terminal:\n%s", errOut)
	}
}
