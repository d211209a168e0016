package redistest

import (
	"context"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// Process is a redis-server of a test's own, which the test can stop and
// start again to play Redis going away. It keeps its data across restarts
// in an append-only file, as a production Redis would. It listens on a
// Unix socket in its own directory rather than a TCP port, so nothing else
// can take its address while it is stopped and answer in its place.
type Process struct {
	t   testing.TB
	dir string
	cmd *exec.Cmd
}

// StartProcess starts redis-server; the test fails if redis-server is not
// installed. It is stopped at cleanup.
func StartProcess(t testing.TB) *Process {
	t.Helper()
	if _, err := exec.LookPath("redis-server"); err != nil {
		t.Fatalf("redis-server is not installed (apt-get install redis-server): %v", err)
	}
	p := &Process{t: t, dir: t.TempDir()}
	p.Start()
	t.Cleanup(p.Stop)
	return p
}

// Socket is the path of the server's Unix socket.
func (p *Process) Socket() string { return filepath.Join(p.dir, "redis.sock") }

// Options returns client options that reach the server.
func (p *Process) Options() *redis.Options {
	return &redis.Options{Network: "unix", Addr: p.Socket()}
}

// Start starts the server (again) and waits until it answers.
func (p *Process) Start() {
	p.t.Helper()
	p.cmd = exec.Command("redis-server", "--port", "0", "--unixsocket", p.Socket(),
		"--save", "", "--appendonly", "yes", "--appendfsync", "always", "--dir", p.dir,
		"--logfile", filepath.Join(p.dir, "redis.log"))
	if err := p.cmd.Start(); err != nil {
		p.t.Fatalf("start redis-server: %v", err)
	}
	rdb := redis.NewClient(p.Options())
	defer rdb.Close()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		err := rdb.Ping(ctx).Err()
		cancel()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("redis-server on %s never answered: %v", p.Socket(), err)
		}
	}
}

// Stop shuts the server down; its data stays on disk for Start.
func (p *Process) Stop() {
	if p.cmd == nil {
		return
	}
	rdb := redis.NewClient(p.Options())
	defer rdb.Close()
	_ = rdb.ShutdownSave(context.Background()).Err()
	if err := p.cmd.Wait(); err != nil {
		p.t.Logf("redis-server on %s exited: %v", p.Socket(), err)
	}
	p.cmd = nil
}
