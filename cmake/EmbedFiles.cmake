# embed_files(NAME NAMESPACE::FUNCTION FILES...)
# Generates ${CMAKE_BINARY_DIR}/generated/NAME.cc defining
#   const std::vector<std::pair<std::string_view, std::string_view>>& FUNCTION();
# that returns (file name, file content) for every file, sorted by name. Regenerated when a
# file changes.
function(embed_files name function)
  set(output ${CMAKE_BINARY_DIR}/generated/${name}.cc)
  # A list cannot cross the shell as one argument: pass it '|'-separated.
  string(REPLACE ";" "|" files_arg "${ARGN}")
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DFUNCTION=${function}
            "-DFILES=${files_arg}" -P ${CMAKE_SOURCE_DIR}/cmake/EmbedFilesScript.cmake
    DEPENDS ${ARGN} ${CMAKE_SOURCE_DIR}/cmake/EmbedFilesScript.cmake
    COMMENT "Embedding ${name}"
    VERBATIM)
endfunction()
