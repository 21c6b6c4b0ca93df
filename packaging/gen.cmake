# Run by the build (cmake -P): write OUT from a command's output or from IN, then OUT.gz with
# gzip -9n (no name or time stamp inside, so the same input gives the same bytes).
#   -DCMD="flank;help;--man" -DOUT=flank.1     the man page, from flank help --man
#   -DIN=changelog -DOUT=changelog             just compress
if(CMD)
  execute_process(COMMAND ${CMD} OUTPUT_FILE ${OUT} RESULT_VARIABLE rc)
  if(rc)
    message(FATAL_ERROR "${CMD} failed (${rc})")
  endif()
endif()
execute_process(COMMAND gzip -9nc ${OUT} OUTPUT_FILE ${OUT}.gz RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "gzip ${OUT} failed (${rc})")
endif()
