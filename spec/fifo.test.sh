# FIFOs: opening one blocks until its other side is opened; a background job's open must not
# block the shell (in sh the open happens in the forked child).

#### writer to a fifo in the background, reader in the foreground
mkfifo f
echo hi > f &
cat f
wait
## stdout: hi

#### reader of a fifo in the background, writer in the foreground
mkfifo f
cat < f > out &
echo there > f
wait
cat out
## stdout: there

#### diff two streams through fifos
mkfifo a b
seq 3 > a &
printf '1\n2\n4\n' > b &
diff a b
echo "diff: $?"
wait
## STDOUT:
3c3
< 3
---
> 4
diff: 1
## END

#### a compound job writing to a fifo
mkfifo f
{ echo one; echo two; } > f &
cat f
wait
## STDOUT:
one
two
## END

#### wait gives the status of a job that opened a fifo
mkfifo f
sh -c 'cat > /dev/null; exit 3' < f &
pid=$!
echo x > f
wait $pid
echo "status $?"
## stdout: status 3
