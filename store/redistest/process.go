package redistest

import (
	"context"
	"net"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// Process is a redis-server of a test's own, which the test can stop and
// start again to play Redis going away. It keeps its data across restarts
// in an append-only file, as a production Redis would.
type Process struct {
	t    testing.TB
	port int
	dir  string
	cmd  *exec.Cmd
}

// StartProcess starts redis-server on a free loopback port; the test
// fails if redis-server is not installed. It is stopped at cleanup.
func StartProcess(t testing.TB) *Process {
	t.Helper()
	if _, err := exec.LookPath("redis-server"); err != nil {
		t.Fatalf("redis-server is not installed (apt-get install redis-server): %v", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	p := &Process{t: t, port: port, dir: t.TempDir()}
	p.Start()
	t.Cleanup(p.Stop)
	return p
}

// Addr is the server's host:port.
func (p *Process) Addr() string { return "127.0.0.1:" + strconv.Itoa(p.port) }

// Start starts the server (again) and waits until it answers.
func (p *Process) Start() {
	p.t.Helper()
	p.cmd = exec.Command("redis-server", "--port", strconv.Itoa(p.port), "--bind", "127.0.0.1",
		"--save", "", "--appendonly", "yes", "--appendfsync", "always", "--dir", p.dir,
		"--logfile", filepath.Join(p.dir, "redis.log"))
	if err := p.cmd.Start(); err != nil {
		p.t.Fatalf("start redis-server: %v", err)
	}
	rdb := redis.NewClient(&redis.Options{Addr: p.Addr()})
	defer rdb.Close()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		err := rdb.Ping(ctx).Err()
		cancel()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("redis-server on %s never answered: %v", p.Addr(), err)
		}
	}
}

// Stop shuts the server down; its data stays on disk for Start.
func (p *Process) Stop() {
	if p.cmd == nil {
		return
	}
	rdb := redis.NewClient(&redis.Options{Addr: p.Addr()})
	defer rdb.Close()
	_ = rdb.ShutdownSave(context.Background()).Err()
	if err := p.cmd.Wait(); err != nil {
		p.t.Logf("redis-server on %s exited: %v", p.Addr(), err)
	}
	p.cmd = nil
}
