// @ts-nocheck
/* Generated from templates/ by `npm run gen` (Handlebars precompile). Do not edit. */
export const PRECOMPILED_TEMPLATES: Record<string, unknown> = {
  "build.sh.hbs": {"0":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "    # The recipe was compiled from an absolute path, and is found there from any\n    # working directory.\n    recipe_dir="
    + ((stack1 = (lookupProperty(helpers,"sh")||container.strict(depth0, "sh", {"start":{"line":24,"column":17},"end":{"line":24,"column":19}} )).call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"recipeDir"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":24,"column":15},"end":{"line":24,"column":31}}})) != null ? stack1 : "")
    + "\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "    # Found from this script's own location, so the script runs from any working\n    # directory: the recipe's directory is given relative to the directory that\n    # `tib compile -o FILE` wrote the script to or, when tib compile wrote to standard\n    # output, the directory it ran in (where the script is assumed saved). Move the\n    # script and the recipe tree together. Symlinks are resolved, as tib compile did;\n    # the x keeps a line break that ends a directory name. A script read from standard\n    # input has no file of its own: the working directory stands in for its directory.\n    if [ -n \"${BASH_SOURCE[0]:-}\" ]; then\n        script_dir=$(realpath -- \"${BASH_SOURCE[0]}\"; printf x)\n        script_dir=${script_dir%?x}\n        script_dir=${script_dir%/*}\n    else\n        script_dir=$(pwd -P; printf x)\n        script_dir=${script_dir%?x}\n    fi\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias1,(lookupProperty(helpers,"eq")||container.strict(depth0, "eq", {"start":{"line":41,"column":7},"end":{"line":41,"column":9}} )).call(alias1,lookupProperty(depth0,"recipeDirFrom"),"script itself",{"name":"eq","hash":{},"data":data,"loc":{"start":{"line":41,"column":6},"end":{"line":41,"column":40}}}),{"name":"if","hash":{},"fn":container.program(2, data, 0),"inverse":container.program(3, data, 0),"data":data,"loc":{"start":{"line":41,"column":0},"end":{"line":45,"column":7}}})) != null ? stack1 : "");
},"2":function(container,depth0,helpers,partials,data) {
    return "    recipe_dir=${script_dir:-/}\n";
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "    recipe_dir=${script_dir%/}/"
    + ((stack1 = (lookupProperty(helpers,"sh")||container.strict(depth0, "sh", {"start":{"line":44,"column":33},"end":{"line":44,"column":35}} )).call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"recipeDir"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":44,"column":31},"end":{"line":44,"column":47}}})) != null ? stack1 : "")
    + "\n";
},"4":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "out_dir=$recipe_dir/"
    + ((stack1 = (lookupProperty(helpers,"sh")||container.strict(depth0, "sh", {"start":{"line":49,"column":22},"end":{"line":49,"column":24}} )).call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(lookupProperty(depth0,"outDirExpr"),"path"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":49,"column":20},"end":{"line":49,"column":42}}})) != null ? stack1 : "")
    + "\n";
},"5":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "out_dir="
    + ((stack1 = (lookupProperty(helpers,"sh")||container.strict(depth0, "sh", {"start":{"line":51,"column":10},"end":{"line":51,"column":12}} )).call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(lookupProperty(depth0,"outDirExpr"),"path"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":51,"column":8},"end":{"line":51,"column":30}}})) != null ? stack1 : "")
    + "\n";
},"6":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "    if version_ge \"$dib_version\" "
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":113,"column":35},"end":{"line":113,"column":37}} )).call(alias2,lookupProperty(depth0,"version"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":113,"column":33},"end":{"line":113,"column":47}}})) != null ? stack1 : "")
    + "; then\n        problem "
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":114,"column":18},"end":{"line":114,"column":20}} )).call(alias2,lookupProperty(depth0,"why"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":114,"column":16},"end":{"line":114,"column":26}}})) != null ? stack1 : "")
    + "\" (found diskimage-builder $dib_version)\"\n    fi\n";
},"7":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "problem "
    + ((stack1 = (lookupProperty(helpers,"sh")||container.strict(depth0, "sh", {"start":{"line":125,"column":10},"end":{"line":125,"column":12}} )).call(depth0 != null ? depth0 : (container.nullContext || {}),depth0,{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":125,"column":8},"end":{"line":125,"column":19}}})) != null ? stack1 : "")
    + "\": this tib version does not ship the element yet, so this recipe cannot be built with it\"\n";
},"8":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "command -v "
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":128,"column":13},"end":{"line":128,"column":15}} )).call(alias2,lookupProperty(depth0,"name"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":128,"column":11},"end":{"line":128,"column":22}}})) != null ? stack1 : "")
    + " >/dev/null 2>&1 || problem "
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":128,"column":52},"end":{"line":128,"column":54}} )).call(alias2,lookupProperty(depth0,"message"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":128,"column":50},"end":{"line":128,"column":64}}})) != null ? stack1 : "")
    + "\n";
},"9":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "if command -v debootstrap >/dev/null 2>&1 && [ ! -e /usr/share/debootstrap/scripts/"
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":131,"column":85},"end":{"line":131,"column":87}} )).call(alias2,lookupProperty(depth0,"suite"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":131,"column":83},"end":{"line":131,"column":95}}})) != null ? stack1 : "")
    + " ]; then\n    problem "
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":132,"column":14},"end":{"line":132,"column":16}} )).call(alias2,lookupProperty(depth0,"why"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":132,"column":12},"end":{"line":132,"column":22}}})) != null ? stack1 : "")
    + "\nfi\n";
},"10":function(container,depth0,helpers,partials,data) {
    return "# Each input with symlinks resolved, as tib compile resolved it; the x keeps a line break\n# that ends the name a symlink leads to.\ninputs=()\n";
},"11":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "inputs["
    + ((stack1 = (((helper = lookupProperty(helpers,"index") || alias1(depth0, "index", {"start":{"line":142,"column":9},"end":{"line":142,"column":14}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"index","hash":{},"data":data,"loc":{"start":{"line":142,"column":7},"end":{"line":142,"column":16}}}) : helper))) != null ? stack1 : "")
    + "]=$(realpath -m -- \"$(recipe_path "
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":142,"column":52},"end":{"line":142,"column":54}} )).call(alias2,lookupProperty(depth0,"path"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":142,"column":50},"end":{"line":142,"column":61}}})) != null ? stack1 : "")
    + ")\"; printf x)\ninputs["
    + ((stack1 = (((helper = lookupProperty(helpers,"index") || alias1(depth0, "index", {"start":{"line":143,"column":9},"end":{"line":143,"column":14}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"index","hash":{},"data":data,"loc":{"start":{"line":143,"column":7},"end":{"line":143,"column":16}}}) : helper))) != null ? stack1 : "")
    + "]=${inputs["
    + ((stack1 = (((helper = lookupProperty(helpers,"index") || alias1(depth0, "index", {"start":{"line":143,"column":29},"end":{"line":143,"column":34}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"index","hash":{},"data":data,"loc":{"start":{"line":143,"column":27},"end":{"line":143,"column":36}}}) : helper))) != null ? stack1 : "")
    + "]%?x}\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,(lookupProperty(helpers,"eq")||alias1(depth0, "eq", {"start":{"line":144,"column":7},"end":{"line":144,"column":9}} )).call(alias2,lookupProperty(depth0,"kind"),"directory",{"name":"eq","hash":{},"data":data,"loc":{"start":{"line":144,"column":6},"end":{"line":144,"column":27}}}),{"name":"if","hash":{},"fn":container.program(12, data, 0),"inverse":container.program(13, data, 0),"data":data,"loc":{"start":{"line":144,"column":0},"end":{"line":156,"column":7}}})) != null ? stack1 : "");
},"12":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "[ -d \"${inputs["
    + ((stack1 = (((helper = lookupProperty(helpers,"index") || alias1(depth0, "index", {"start":{"line":145,"column":17},"end":{"line":145,"column":22}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"index","hash":{},"data":data,"loc":{"start":{"line":145,"column":15},"end":{"line":145,"column":24}}}) : helper))) != null ? stack1 : "")
    + "]}\" ] || problem "
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":145,"column":43},"end":{"line":145,"column":45}} )).call(alias2,lookupProperty(depth0,"what"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":145,"column":41},"end":{"line":145,"column":52}}})) != null ? stack1 : "")
    + "\": directory ${inputs["
    + ((stack1 = (((helper = lookupProperty(helpers,"index") || alias1(depth0, "index", {"start":{"line":145,"column":76},"end":{"line":145,"column":81}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"index","hash":{},"data":data,"loc":{"start":{"line":145,"column":74},"end":{"line":145,"column":83}}}) : helper))) != null ? stack1 : "")
    + "]} does not exist\"\n";
},"13":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "if [ ! -e \"${inputs["
    + ((stack1 = (((helper = lookupProperty(helpers,"index") || alias1(depth0, "index", {"start":{"line":147,"column":22},"end":{"line":147,"column":27}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"index","hash":{},"data":data,"loc":{"start":{"line":147,"column":20},"end":{"line":147,"column":29}}}) : helper))) != null ? stack1 : "")
    + "]}\" ]; then\n    problem "
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":148,"column":14},"end":{"line":148,"column":16}} )).call(alias2,lookupProperty(depth0,"what"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":148,"column":12},"end":{"line":148,"column":23}}})) != null ? stack1 : "")
    + "\": file ${inputs["
    + ((stack1 = (((helper = lookupProperty(helpers,"index") || alias1(depth0, "index", {"start":{"line":148,"column":42},"end":{"line":148,"column":47}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"index","hash":{},"data":data,"loc":{"start":{"line":148,"column":40},"end":{"line":148,"column":49}}}) : helper))) != null ? stack1 : "")
    + "]} does not exist\"\nelif [ ! -f \"${inputs["
    + ((stack1 = (((helper = lookupProperty(helpers,"index") || alias1(depth0, "index", {"start":{"line":149,"column":24},"end":{"line":149,"column":29}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"index","hash":{},"data":data,"loc":{"start":{"line":149,"column":22},"end":{"line":149,"column":31}}}) : helper))) != null ? stack1 : "")
    + "]}\" ] || [ ! -r \"${inputs["
    + ((stack1 = (((helper = lookupProperty(helpers,"index") || alias1(depth0, "index", {"start":{"line":149,"column":59},"end":{"line":149,"column":64}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"index","hash":{},"data":data,"loc":{"start":{"line":149,"column":57},"end":{"line":149,"column":66}}}) : helper))) != null ? stack1 : "")
    + "]}\" ]; then\n    problem "
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":150,"column":14},"end":{"line":150,"column":16}} )).call(alias2,lookupProperty(depth0,"what"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":150,"column":12},"end":{"line":150,"column":23}}})) != null ? stack1 : "")
    + "\": ${inputs["
    + ((stack1 = (((helper = lookupProperty(helpers,"index") || alias1(depth0, "index", {"start":{"line":150,"column":37},"end":{"line":150,"column":42}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"index","hash":{},"data":data,"loc":{"start":{"line":150,"column":35},"end":{"line":150,"column":44}}}) : helper))) != null ? stack1 : "")
    + "]} is not a readable regular file\"\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"sha256"),{"name":"if","hash":{},"fn":container.program(14, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":151,"column":0},"end":{"line":154,"column":7}}})) != null ? stack1 : "")
    + "fi\n";
},"14":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "elif [ \"$(sha256_of \"${inputs["
    + ((stack1 = (((helper = lookupProperty(helpers,"index") || alias1(depth0, "index", {"start":{"line":152,"column":32},"end":{"line":152,"column":37}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"index","hash":{},"data":data,"loc":{"start":{"line":152,"column":30},"end":{"line":152,"column":39}}}) : helper))) != null ? stack1 : "")
    + "]}\")\" != "
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":152,"column":50},"end":{"line":152,"column":52}} )).call(alias2,lookupProperty(depth0,"sha256"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":152,"column":48},"end":{"line":152,"column":61}}})) != null ? stack1 : "")
    + " ]; then\n    problem "
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":153,"column":14},"end":{"line":153,"column":16}} )).call(alias2,lookupProperty(depth0,"what"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":153,"column":12},"end":{"line":153,"column":23}}})) != null ? stack1 : "")
    + "\": sha256 of ${inputs["
    + ((stack1 = (((helper = lookupProperty(helpers,"index") || alias1(depth0, "index", {"start":{"line":153,"column":47},"end":{"line":153,"column":52}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"index","hash":{},"data":data,"loc":{"start":{"line":153,"column":45},"end":{"line":153,"column":54}}}) : helper))) != null ? stack1 : "")
    + "]} is not "
    + ((stack1 = (((helper = lookupProperty(helpers,"sha256") || alias1(depth0, "sha256", {"start":{"line":153,"column":66},"end":{"line":153,"column":72}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"sha256","hash":{},"data":data,"loc":{"start":{"line":153,"column":64},"end":{"line":153,"column":74}}}) : helper))) != null ? stack1 : "")
    + " as the recipe says\"\n";
},"15":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = lookupProperty(helpers,"if").call(alias1,(lookupProperty(helpers,"eq")||container.strict(depth0, "eq", {"start":{"line":161,"column":7},"end":{"line":161,"column":9}} )).call(alias1,lookupProperty(depth0,"role"),"element-path",{"name":"eq","hash":{},"data":data,"loc":{"start":{"line":161,"column":6},"end":{"line":161,"column":30}}}),{"name":"if","hash":{},"fn":container.program(16, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":161,"column":0},"end":{"line":163,"column":7}}})) != null ? stack1 : "");
},"16":function(container,depth0,helpers,partials,data) {
    var stack1, helper, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "element_dirs+=(\"${inputs["
    + ((stack1 = (((helper = lookupProperty(helpers,"index") || container.strict(depth0, "index", {"start":{"line":162,"column":27},"end":{"line":162,"column":32}} ))),(typeof helper === "function" ? helper.call(depth0 != null ? depth0 : (container.nullContext || {}),{"name":"index","hash":{},"data":data,"loc":{"start":{"line":162,"column":25},"end":{"line":162,"column":34}}}) : helper))) != null ? stack1 : "")
    + "]}\")\n";
},"17":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = lookupProperty(helpers,"if").call(alias1,(lookupProperty(helpers,"eq")||container.strict(depth0, "eq", {"start":{"line":174,"column":7},"end":{"line":174,"column":9}} )).call(alias1,lookupProperty(depth0,"kind"),"env",{"name":"eq","hash":{},"data":data,"loc":{"start":{"line":174,"column":6},"end":{"line":174,"column":21}}}),{"name":"if","hash":{},"fn":container.program(18, data, 0),"inverse":container.program(19, data, 0),"data":data,"loc":{"start":{"line":174,"column":0},"end":{"line":183,"column":7}}})) != null ? stack1 : "");
},"18":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "[ -n \"${"
    + ((stack1 = (((helper = lookupProperty(helpers,"from") || alias1(depth0, "from", {"start":{"line":175,"column":12},"end":{"line":175,"column":16}} ))),(typeof helper === "function" ? helper.call(alias2,{"name":"from","hash":{},"data":data,"loc":{"start":{"line":175,"column":9},"end":{"line":175,"column":19}}}) : helper))) != null ? stack1 : "")
    + "+x}\" ] || problem "
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":175,"column":40},"end":{"line":175,"column":42}} )).call(alias2,lookupProperty(depth0,"missing"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":175,"column":38},"end":{"line":175,"column":52}}})) != null ? stack1 : "")
    + "\n";
},"19":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "# A readable regular file of at most 64 KiB (core's MAX_SECRET_BYTES): a FIFO or device\n# would block the build or never end, a huge value would not fit in DIB's environment.\nsecret_file=$(recipe_path "
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":179,"column":28},"end":{"line":179,"column":30}} )).call(alias2,lookupProperty(depth0,"from"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":179,"column":26},"end":{"line":179,"column":37}}})) != null ? stack1 : "")
    + ")\nif [ ! -f \"$secret_file\" ] || [ ! -r \"$secret_file\" ] || [ \"$(wc -c < \"$secret_file\")\" -gt 65536 ]; then\n    problem "
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":181,"column":14},"end":{"line":181,"column":16}} )).call(alias2,lookupProperty(depth0,"missing"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":181,"column":12},"end":{"line":181,"column":26}}})) != null ? stack1 : "")
    + "\" (a readable regular file of at most 64 KiB)\"\nfi\n";
},"20":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "mkdir -p \"$elements\"/"
    + ((stack1 = (lookupProperty(helpers,"sh")||container.strict(depth0, "sh", {"start":{"line":250,"column":23},"end":{"line":250,"column":25}} )).call(depth0 != null ? depth0 : (container.nullContext || {}),depth0,{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":250,"column":21},"end":{"line":250,"column":32}}})) != null ? stack1 : "")
    + "\n";
},"21":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = lookupProperty(helpers,"if").call(alias1,lookupProperty(depth0,"heredoc"),{"name":"if","hash":{},"fn":container.program(22, data, 0),"inverse":container.program(23, data, 0),"data":data,"loc":{"start":{"line":253,"column":0},"end":{"line":259,"column":7}}})) != null ? stack1 : "")
    + "chmod "
    + ((stack1 = (((helper = lookupProperty(helpers,"mode") || alias2(depth0, "mode", {"start":{"line":260,"column":8},"end":{"line":260,"column":12}} ))),(typeof helper === "function" ? helper.call(alias1,{"name":"mode","hash":{},"data":data,"loc":{"start":{"line":260,"column":6},"end":{"line":260,"column":14}}}) : helper))) != null ? stack1 : "")
    + " \"$elements\"/"
    + ((stack1 = (lookupProperty(helpers,"sh")||alias2(depth0, "sh", {"start":{"line":260,"column":29},"end":{"line":260,"column":31}} )).call(alias1,lookupProperty(depth0,"path"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":260,"column":27},"end":{"line":260,"column":38}}})) != null ? stack1 : "")
    + "\n";
},"22":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "cat > \"$elements\"/"
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":254,"column":20},"end":{"line":254,"column":22}} )).call(alias2,lookupProperty(depth0,"path"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":254,"column":18},"end":{"line":254,"column":29}}})) != null ? stack1 : "")
    + " <<'"
    + ((stack1 = (((helper = lookupProperty(helpers,"delimiter") || alias1(depth0, "delimiter", {"start":{"line":254,"column":35},"end":{"line":254,"column":44}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"delimiter","hash":{},"data":data,"loc":{"start":{"line":254,"column":33},"end":{"line":254,"column":46}}}) : helper))) != null ? stack1 : "")
    + "'\n"
    + ((stack1 = (((helper = lookupProperty(helpers,"heredoc") || alias1(depth0, "heredoc", {"start":{"line":255,"column":3},"end":{"line":255,"column":10}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"heredoc","hash":{},"data":data,"loc":{"start":{"line":255,"column":0},"end":{"line":255,"column":13}}}) : helper))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = (((helper = lookupProperty(helpers,"delimiter") || alias1(depth0, "delimiter", {"start":{"line":256,"column":2},"end":{"line":256,"column":11}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"delimiter","hash":{},"data":data,"loc":{"start":{"line":256,"column":0},"end":{"line":256,"column":13}}}) : helper))) != null ? stack1 : "")
    + "\n";
},"23":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "printf '%s' "
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":258,"column":14},"end":{"line":258,"column":16}} )).call(alias2,lookupProperty(depth0,"printf"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":258,"column":12},"end":{"line":258,"column":25}}})) != null ? stack1 : "")
    + " > \"$elements\"/"
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":258,"column":42},"end":{"line":258,"column":44}} )).call(alias2,lookupProperty(depth0,"path"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":258,"column":40},"end":{"line":258,"column":51}}})) != null ? stack1 : "")
    + "\n";
},"24":function(container,depth0,helpers,partials,data) {
    return "# --- Checksum lists, in coreutils' format (the same rules as tib run's) ---------------\n# sha256sum escapes a name holding a backslash or line break: the line starts with \\\n# and the name has \\\\, \\n and \\r for them.\nsha256sum_line() {\n    local name=$2\n    case \"$name\" in\n        *\\\\*|*$'\\n'*|*$'\\r'*)\n            name=${name//\\\\/\\\\\\\\}\n            name=${name//$'\\n'/\\\\n}\n            name=${name//$'\\r'/\\\\r}\n            printf '\\\\%s  %s\\n' \"$1\" \"$name\" ;;\n        *) printf '%s  %s\\n' \"$1\" \"$name\" ;;\n    esac\n}\n\n# Sets unescaped to $1 without sha256sum's escapes.\nunescape_name() {\n    local s=$1 c i\n    unescaped=''\n    for (( i = 0; i < ${#s}; i++ )); do\n        c=${s:i:1}\n        if [ \"$c\" = \"\\\\\" ]; then\n            i=$((i + 1))\n            c=${s:i:1}\n            case \"$c\" in n) c=$'\\n' ;; r) c=$'\\r' ;; esac\n        fi\n        unescaped+=$c\n    done\n}\n\n# Prints the sha256 that checksum list $1 gives for file name $2: GNU lines\n# (<hash>  <name>, <hash> *<name>) or BSD lines (SHA256 (<name>) = <hash>).\nchecksum_for() {\n    local line hash name escaped\n    local gnu='^([0-9a-fA-F]{64}) [ *](.+)$' bsd='^SHA256 [(](.+)[)] = ([0-9a-fA-F]{64})$'\n    while IFS= read -r line || [ -n \"$line\" ]; do\n        line=${line#\"${line%%[![:space:]]*}\"}\n        line=${line%\"${line##*[![:space:]]}\"}\n        escaped=0\n        if [ \"${line:0:1}\" = \"\\\\\" ]; then escaped=1; line=${line:1}; fi\n        if [[ $line =~ $gnu ]]; then hash=${BASH_REMATCH[1]}; name=${BASH_REMATCH[2]}\n        elif [[ $line =~ $bsd ]]; then hash=${BASH_REMATCH[2]}; name=${BASH_REMATCH[1]}\n        else continue\n        fi\n        if [ \"$escaped\" = 1 ]; then unescape_name \"$name\"; name=$unescaped; fi\n        if [ \"$name\" = \"$2\" ]; then printf '%s\\n' \"${hash,,}\"; return 0; fi\n    done < \"$1\"\n    return 0\n}\n\n";
},"25":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "# --- Base image: fetched once into the cache, verified before DIB sees it -------------\ncache_dir=${TIB_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/tib}\nbase_url="
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":318,"column":11},"end":{"line":318,"column":13}} )).call(alias2,lookupProperty(lookupProperty(depth0,"download"),"url"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":318,"column":9},"end":{"line":318,"column":28}}})) != null ? stack1 : "")
    + "\nbase_file="
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":319,"column":12},"end":{"line":319,"column":14}} )).call(alias2,lookupProperty(lookupProperty(depth0,"download"),"fileName"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":319,"column":10},"end":{"line":319,"column":34}}})) != null ? stack1 : "")
    + "\nbase_sha="
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(lookupProperty(depth0,"download"),"sha256"),{"name":"if","hash":{},"fn":container.program(26, data, 0),"inverse":container.program(27, data, 0),"data":data,"loc":{"start":{"line":320,"column":9},"end":{"line":320,"column":71}}})) != null ? stack1 : "")
    + "\nurl_key=$(printf '%s' \"$base_url\" | sha256sum | cut -d ' ' -f 1)\nmkdir -p \"$cache_dir/images/by-url\"\nif [ -z \"$base_sha\" ] && [ -r \"$cache_dir/images/by-url/$url_key\" ]; then\n    base_sha=$(cat \"$cache_dir/images/by-url/$url_key\")\nfi\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,(lookupProperty(helpers,"eq")||alias1(depth0, "eq", {"start":{"line":326,"column":7},"end":{"line":326,"column":9}} )).call(alias2,lookupProperty(lookupProperty(depth0,"download"),"source"),"download",{"name":"eq","hash":{},"data":data,"loc":{"start":{"line":326,"column":6},"end":{"line":326,"column":37}}}),{"name":"if","hash":{},"fn":container.program(28, data, 0),"inverse":container.program(30, data, 0),"data":data,"loc":{"start":{"line":326,"column":0},"end":{"line":353,"column":7}}})) != null ? stack1 : "")
    + "printf '%s\\n' \"$base_sha\" > \"$cache_dir/images/by-url/$url_key\"\n";
},"26":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (lookupProperty(helpers,"sh")||container.strict(depth0, "sh", {"start":{"line":320,"column":34},"end":{"line":320,"column":36}} )).call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(lookupProperty(depth0,"download"),"sha256"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":320,"column":32},"end":{"line":320,"column":54}}})) != null ? stack1 : "");
},"27":function(container,depth0,helpers,partials,data) {
    return "''";
},"28":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = lookupProperty(helpers,"if").call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(lookupProperty(depth0,"download"),"checksumList"),{"name":"if","hash":{},"fn":container.program(29, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":327,"column":0},"end":{"line":334,"column":7}}})) != null ? stack1 : "")
    + "[ -n \"$base_sha\" ] || fail 3 \"no sha256 is known for $base_url\"\nbase_image=$cache_dir/images/$base_sha/$base_file\nif [ ! -f \"$base_image\" ]; then\n    mkdir -p \"$cache_dir/images/$base_sha\"\n    say \"downloading $base_url\"\n    curl -fL --retry 3 -C - -o \"$base_image.part\" \"$base_url\" || fail 3 \"download failed: $base_url\"\n    actual=$(sha256_of \"$base_image.part\")\n    if [ \"$actual\" != \"$base_sha\" ]; then\n        rm -f -- \"$base_image.part\"\n        fail 3 \"sha256 mismatch for $base_url: expected $base_sha, got $actual\"\n    fi\n    mv -- \"$base_image.part\" \"$base_image\"\nfi\n";
},"29":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "if [ -z \"$base_sha\" ] || [ ! -f \"$cache_dir/images/$base_sha/$base_file\" ]; then\n    curl -fsSL --retry 3 -o \"$work/checksums\" "
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":329,"column":48},"end":{"line":329,"column":50}} )).call(alias2,lookupProperty(lookupProperty(depth0,"download"),"checksumList"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":329,"column":46},"end":{"line":329,"column":74}}})) != null ? stack1 : "")
    + " \\\n        || fail 3 \"cannot fetch the checksum list \""
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":330,"column":53},"end":{"line":330,"column":55}} )).call(alias2,lookupProperty(lookupProperty(depth0,"download"),"checksumList"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":330,"column":51},"end":{"line":330,"column":79}}})) != null ? stack1 : "")
    + "\n    base_sha=$(checksum_for \"$work/checksums\" \"$base_file\")\n    [ -n \"$base_sha\" ] || fail 3 \"$base_file is not listed in \""
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":332,"column":65},"end":{"line":332,"column":67}} )).call(alias2,lookupProperty(lookupProperty(depth0,"download"),"checksumList"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":332,"column":63},"end":{"line":332,"column":91}}})) != null ? stack1 : "")
    + "\nfi\n";
},"30":function(container,depth0,helpers,partials,data) {
    return "[ -n \"$base_sha\" ] || fail 3 \"base.image.source: cache, but no download of $base_url was ever recorded in $cache_dir\"\nbase_image=$cache_dir/images/$base_sha/$base_file\n[ -f \"$base_image\" ] || fail 3 \"base.image.source: cache, but $base_image is not in the cache (run once with source: download)\"\n[ \"$(sha256_of \"$base_image\")\" = \"$base_sha\" ] || fail 3 \"cached $base_image does not match its sha256 $base_sha\"\n";
},"31":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "base_image=${inputs["
    + ((stack1 = (((helper = lookupProperty(helpers,"localImageInput") || alias1(depth0, "localImageInput", {"start":{"line":357,"column":22},"end":{"line":357,"column":37}} ))),(typeof helper === "function" ? helper.call(alias2,{"name":"localImageInput","hash":{},"data":data,"loc":{"start":{"line":357,"column":20},"end":{"line":357,"column":39}}}) : helper))) != null ? stack1 : "")
    + "]}\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,(lookupProperty(helpers,"eq")||alias1(depth0, "eq", {"start":{"line":358,"column":7},"end":{"line":358,"column":9}} )).call(alias2,lookupProperty(lookupProperty(depth0,"localImage"),"handoff"),"cloud-images-dir",{"name":"eq","hash":{},"data":data,"loc":{"start":{"line":358,"column":6},"end":{"line":358,"column":48}}}),{"name":"if","hash":{},"fn":container.program(32, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":358,"column":0},"end":{"line":361,"column":7}}})) != null ? stack1 : "");
},"32":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "base_file="
    + ((stack1 = (lookupProperty(helpers,"sh")||container.strict(depth0, "sh", {"start":{"line":359,"column":12},"end":{"line":359,"column":14}} )).call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(lookupProperty(depth0,"localImage"),"fileName"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":359,"column":10},"end":{"line":359,"column":36}}})) != null ? stack1 : "")
    + "\nbase_sha=$(sha256_of \"$base_image\")\n";
},"33":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = lookupProperty(helpers,"if").call(alias2,(lookupProperty(helpers,"eq")||alias1(depth0, "eq", {"start":{"line":364,"column":7},"end":{"line":364,"column":9}} )).call(alias2,lookupProperty(depth0,"form"),"file",{"name":"eq","hash":{},"data":data,"loc":{"start":{"line":364,"column":6},"end":{"line":364,"column":22}}}),{"name":"if","hash":{},"fn":container.program(34, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":364,"column":0},"end":{"line":366,"column":7}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,(lookupProperty(helpers,"eq")||alias1(depth0, "eq", {"start":{"line":367,"column":7},"end":{"line":367,"column":9}} )).call(alias2,lookupProperty(depth0,"form"),"dir-url",{"name":"eq","hash":{},"data":data,"loc":{"start":{"line":367,"column":6},"end":{"line":367,"column":25}}}),{"name":"if","hash":{},"fn":container.program(35, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":367,"column":0},"end":{"line":372,"column":7}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,(lookupProperty(helpers,"eq")||alias1(depth0, "eq", {"start":{"line":373,"column":7},"end":{"line":373,"column":9}} )).call(alias2,lookupProperty(depth0,"form"),"sums-url",{"name":"eq","hash":{},"data":data,"loc":{"start":{"line":373,"column":6},"end":{"line":373,"column":26}}}),{"name":"if","hash":{},"fn":container.program(36, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":373,"column":0},"end":{"line":375,"column":7}}})) != null ? stack1 : "");
},"34":function(container,depth0,helpers,partials,data) {
    var stack1, helper, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "export "
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || container.strict(depth0, "name", {"start":{"line":365,"column":9},"end":{"line":365,"column":13}} ))),(typeof helper === "function" ? helper.call(depth0 != null ? depth0 : (container.nullContext || {}),{"name":"name","hash":{},"data":data,"loc":{"start":{"line":365,"column":7},"end":{"line":365,"column":15}}}) : helper))) != null ? stack1 : "")
    + "=\"$base_image\"\n";
},"35":function(container,depth0,helpers,partials,data) {
    var stack1, helper, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "mkdir -p \"$work/base-image\"\nln -s -- \"$base_image\" \"$work/base-image/$base_file\"\nsha256sum_line \"$base_sha\" \"$base_file\" > \"$work/base-image/SHA256SUMS\"\nexport "
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || container.strict(depth0, "name", {"start":{"line":371,"column":9},"end":{"line":371,"column":13}} ))),(typeof helper === "function" ? helper.call(depth0 != null ? depth0 : (container.nullContext || {}),{"name":"name","hash":{},"data":data,"loc":{"start":{"line":371,"column":7},"end":{"line":371,"column":15}}}) : helper))) != null ? stack1 : "")
    + "=\"file://$work/base-image\"\n";
},"36":function(container,depth0,helpers,partials,data) {
    var stack1, helper, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "export "
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || container.strict(depth0, "name", {"start":{"line":374,"column":9},"end":{"line":374,"column":13}} ))),(typeof helper === "function" ? helper.call(depth0 != null ? depth0 : (container.nullContext || {}),{"name":"name","hash":{},"data":data,"loc":{"start":{"line":374,"column":7},"end":{"line":374,"column":15}}}) : helper))) != null ? stack1 : "")
    + "=\"file://$work/base-image/SHA256SUMS\"\n";
},"37":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "# Not inherited from the caller: DIB would act on these (tib sets the ones the recipe asks for).\nunset "
    + ((stack1 = (lookupProperty(helpers,"join")||container.strict(depth0, "join", {"start":{"line":381,"column":8},"end":{"line":381,"column":12}} )).call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(lookupProperty(lookupProperty(depth0,"plan"),"dib"),"unset")," ",{"name":"join","hash":{},"data":data,"loc":{"start":{"line":381,"column":6},"end":{"line":381,"column":33}}})) != null ? stack1 : "")
    + "\n";
},"38":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "export "
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":384,"column":9},"end":{"line":384,"column":13}} ))),(typeof helper === "function" ? helper.call(alias2,{"name":"name","hash":{},"data":data,"loc":{"start":{"line":384,"column":7},"end":{"line":384,"column":15}}}) : helper))) != null ? stack1 : "")
    + "="
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":384,"column":18},"end":{"line":384,"column":20}} )).call(alias2,lookupProperty(depth0,"value"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":384,"column":16},"end":{"line":384,"column":28}}})) != null ? stack1 : "")
    + "\n";
},"39":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "export "
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":387,"column":9},"end":{"line":387,"column":13}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"data":data,"loc":{"start":{"line":387,"column":7},"end":{"line":387,"column":15}}}) : helper))) != null ? stack1 : "")
    + "=\"${inputs["
    + ((stack1 = (((helper = lookupProperty(helpers,"input") || alias1(depth0, "input", {"start":{"line":387,"column":28},"end":{"line":387,"column":33}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"input","hash":{},"data":data,"loc":{"start":{"line":387,"column":26},"end":{"line":387,"column":35}}}) : helper))) != null ? stack1 : "")
    + "]}\"\n";
},"40":function(container,depth0,helpers,partials,data) {
    return "\n# Secrets: read now, passed only in DIB's environment, under names DIB does not copy\n# into the image (it copies DIB_* variables).\nread_secret_file() {\n    local value=\"\"\n    IFS= read -r value < \"$1\" || [ -n \"$value\" ]\n    printf '%s' \"$value\"\n}\n";
},"41":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = lookupProperty(helpers,"if").call(alias1,(lookupProperty(helpers,"eq")||container.strict(depth0, "eq", {"start":{"line":403,"column":7},"end":{"line":403,"column":9}} )).call(alias1,lookupProperty(depth0,"kind"),"env",{"name":"eq","hash":{},"data":data,"loc":{"start":{"line":403,"column":6},"end":{"line":403,"column":21}}}),{"name":"if","hash":{},"fn":container.program(42, data, 0),"inverse":container.program(43, data, 0),"data":data,"loc":{"start":{"line":403,"column":0},"end":{"line":408,"column":7}}})) != null ? stack1 : "");
},"42":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "export "
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":404,"column":9},"end":{"line":404,"column":13}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"data":data,"loc":{"start":{"line":404,"column":7},"end":{"line":404,"column":15}}}) : helper))) != null ? stack1 : "")
    + "=\"${"
    + ((stack1 = (((helper = lookupProperty(helpers,"from") || alias1(depth0, "from", {"start":{"line":404,"column":23},"end":{"line":404,"column":27}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"from","hash":{},"data":data,"loc":{"start":{"line":404,"column":20},"end":{"line":404,"column":30}}}) : helper))) != null ? stack1 : "")
    + "}\"\n";
},"43":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":406,"column":2},"end":{"line":406,"column":6}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"data":data,"loc":{"start":{"line":406,"column":0},"end":{"line":406,"column":8}}}) : helper))) != null ? stack1 : "")
    + "=$(read_secret_file \"$(recipe_path "
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":406,"column":45},"end":{"line":406,"column":47}} )).call(alias2,lookupProperty(depth0,"from"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":406,"column":43},"end":{"line":406,"column":54}}})) != null ? stack1 : "")
    + ")\")\nexport "
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":407,"column":9},"end":{"line":407,"column":13}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"data":data,"loc":{"start":{"line":407,"column":7},"end":{"line":407,"column":15}}}) : helper))) != null ? stack1 : "")
    + "\n";
},"44":function(container,depth0,helpers,partials,data) {
    return "    (cd \"$partial\" && sha256sum -- \"$f\" > \"$f.sha256\")\n    mv -f -- \"$partial/$f.sha256\" \"$out_dir/$f.sha256\"\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "#!/usr/bin/env bash\n# Generated by tib "
    + ((stack1 = (lookupProperty(helpers,"comment")||alias1(depth0, "comment", {"start":{"line":2,"column":21},"end":{"line":2,"column":28}} )).call(alias2,lookupProperty(lookupProperty(depth0,"plan"),"tibVersion"),{"name":"comment","hash":{},"data":data,"loc":{"start":{"line":2,"column":19},"end":{"line":2,"column":46}}})) != null ? stack1 : "")
    + " from "
    + ((stack1 = (lookupProperty(helpers,"comment")||alias1(depth0, "comment", {"start":{"line":2,"column":54},"end":{"line":2,"column":61}} )).call(alias2,lookupProperty(lookupProperty(lookupProperty(depth0,"plan"),"recipe"),"path"),{"name":"comment","hash":{},"data":data,"loc":{"start":{"line":2,"column":52},"end":{"line":2,"column":80}}})) != null ? stack1 : "")
    + ". Do not edit: change the recipe\n# and run `tib compile` again.\n#\n#   recipe sha256  "
    + ((stack1 = alias3(alias1(lookupProperty(lookupProperty(depth0,"plan"),"recipe"), "sha256", {"start":{"line":5,"column":21},"end":{"line":5,"column":39}} ), depth0)) != null ? stack1 : "")
    + "\n#   image          "
    + ((stack1 = alias3(alias1(lookupProperty(lookupProperty(depth0,"plan"),"image"), "name", {"start":{"line":6,"column":21},"end":{"line":6,"column":36}} ), depth0)) != null ? stack1 : "")
    + ": "
    + ((stack1 = alias3(alias1(lookupProperty(lookupProperty(depth0,"plan"),"target"), "title", {"start":{"line":6,"column":42},"end":{"line":6,"column":59}} ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias3(alias1(lookupProperty(lookupProperty(depth0,"plan"),"target"), "arch", {"start":{"line":6,"column":64},"end":{"line":6,"column":80}} ), depth0)) != null ? stack1 : "")
    + ", "
    + ((stack1 = alias3(alias1(lookupProperty(lookupProperty(depth0,"plan"),"datastore"), "type", {"start":{"line":6,"column":86},"end":{"line":6,"column":105}} ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias3(alias1(lookupProperty(lookupProperty(depth0,"plan"),"datastore"), "version", {"start":{"line":6,"column":110},"end":{"line":6,"column":132}} ), depth0)) != null ? stack1 : "")
    + " ("
    + ((stack1 = alias3(alias1(lookupProperty(lookupProperty(depth0,"plan"),"datastore"), "model", {"start":{"line":6,"column":138},"end":{"line":6,"column":158}} ), depth0)) != null ? stack1 : "")
    + " model)\n#   guest agent    Trove "
    + ((stack1 = alias3(alias1(lookupProperty(lookupProperty(depth0,"plan"),"agent"), "troveVersion", {"start":{"line":7,"column":27},"end":{"line":7,"column":50}} ), depth0)) != null ? stack1 : "")
    + " ("
    + ((stack1 = alias3(alias1(lookupProperty(lookupProperty(depth0,"plan"),"agent"), "series", {"start":{"line":7,"column":56},"end":{"line":7,"column":73}} ), depth0)) != null ? stack1 : "")
    + ") from "
    + ((stack1 = alias3(alias1(lookupProperty(lookupProperty(depth0,"plan"),"agent"), "source", {"start":{"line":7,"column":84},"end":{"line":7,"column":101}} ), depth0)) != null ? stack1 : "")
    + ", runs as "
    + ((stack1 = alias3(alias1(lookupProperty(lookupProperty(depth0,"plan"),"agent"), "user", {"start":{"line":7,"column":115},"end":{"line":7,"column":130}} ), depth0)) != null ? stack1 : "")
    + "\n#   outputs        "
    + ((stack1 = (lookupProperty(helpers,"join")||alias1(depth0, "join", {"start":{"line":8,"column":21},"end":{"line":8,"column":25}} )).call(alias2,lookupProperty(lookupProperty(lookupProperty(depth0,"plan"),"image"),"files")," ",{"name":"join","hash":{},"data":data,"loc":{"start":{"line":8,"column":19},"end":{"line":8,"column":48}}})) != null ? stack1 : "")
    + "\n#\n# Usage: sudo ./build.sh [--out DIR] [--force] [--keep-workdir]\n# Needs nothing but diskimage-builder on this host. Secrets are read from the environment\n# (or files) when the script runs; none is written into it.\nset -euo pipefail\numask 022\n\n# The recipe's directory, which paths in the recipe are relative to; TIB_RECIPE_DIR\n# overrides it.\nif [ -n \"${TIB_RECIPE_DIR:-}\" ]; then\n    recipe_dir=$TIB_RECIPE_DIR\nelse\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,(lookupProperty(helpers,"eq")||alias1(depth0, "eq", {"start":{"line":21,"column":7},"end":{"line":21,"column":9}} )).call(alias2,lookupProperty(depth0,"recipeDirFrom"),"root",{"name":"eq","hash":{},"data":data,"loc":{"start":{"line":21,"column":6},"end":{"line":21,"column":31}}}),{"name":"if","hash":{},"fn":container.program(0, data, 0),"inverse":container.program(1, data, 0),"data":data,"loc":{"start":{"line":21,"column":0},"end":{"line":46,"column":7}}})) != null ? stack1 : "")
    + "fi\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(lookupProperty(depth0,"outDirExpr"),"recipeRelative"),{"name":"if","hash":{},"fn":container.program(4, data, 0),"inverse":container.program(5, data, 0),"data":data,"loc":{"start":{"line":48,"column":0},"end":{"line":52,"column":7}}})) != null ? stack1 : "")
    + "image_name="
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":53,"column":13},"end":{"line":53,"column":15}} )).call(alias2,lookupProperty(lookupProperty(lookupProperty(depth0,"plan"),"image"),"name"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":53,"column":11},"end":{"line":53,"column":33}}})) != null ? stack1 : "")
    + "\nforce=0\nkeep_workdir=0\n\nsay() { printf 'build.sh: %s\\n' \"$*\" >&2; }\nfail() {\n    local status=$1\n    shift\n    say \"$*\"\n    exit \"$status\"\n}\nusage_error() { fail 2 \"$* (usage: build.sh [--out DIR] [--force] [--keep-workdir])\"; }\n\nwhile [ $# -gt 0 ]; do\n    case \"$1\" in\n        --out)\n            [ $# -ge 2 ] || usage_error \"--out needs a directory\"\n            out_dir=$2\n            shift 2 ;;\n        --force) force=1; shift ;;\n        --keep-workdir) keep_workdir=1; shift ;;\n        -h|--help) sed -n '2,12p' \"$0\"; exit 0 ;;\n        *) usage_error \"unknown argument: $1\" ;;\n    esac\ndone\n\n# A path from the recipe: absolute as written, else relative to the recipe's directory.\nrecipe_path() {\n    case \"$1\" in\n        /*) printf '%s\\n' \"$1\" ;;\n        *) printf '%s/%s\\n' \"$recipe_dir\" \"$1\" ;;\n    esac\n}\n\n# True when version $1 >= $2.\nversion_ge() {\n    [ \"$(printf '%s\\n%s\\n' \"$2\" \"$1\" | sort -V | head -n 1)\" = \"$2\" ]\n}\n\n# The sha256 of a file. Read from stdin: sha256sum escapes a name holding a backslash\n# or line break (\\<hash>  <name>), which would otherwise end up in the hash.\nsha256_of() {\n    sha256sum < \"$1\" | cut -d ' ' -f 1\n}\n\n# --- Pre-flight: every problem is listed before anything is written (exit 3) ---------\nproblems=()\nproblem() { problems+=(\"$*\"); }\n\n[ \"$(id -u)\" = 0 ] || problem \"run as root: DIB needs root for loop devices, mounts and chroots (sudo $0)\"\ndib_version=\"\"\ndib_elements_dir=\"\"\nif ! command -v disk-image-create >/dev/null 2>&1; then\n    problem \"disk-image-create not found: install diskimage-builder (Debian/Ubuntu: apt-get install python3-diskimage-builder)\"\nelse\n    dib_version=$(disk-image-create --version 2>/dev/null || true)\n    if ! version_ge \"$dib_version\" "
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":109,"column":37},"end":{"line":109,"column":39}} )).call(alias2,lookupProperty(depth0,"dibMin"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":109,"column":35},"end":{"line":109,"column":48}}})) != null ? stack1 : "")
    + "; then\n        problem \"diskimage-builder $dib_version is too old: this script needs "
    + ((stack1 = (((helper = lookupProperty(helpers,"dibMin") || alias1(depth0, "dibMin", {"start":{"line":110,"column":80},"end":{"line":110,"column":86}} ))),(typeof helper === "function" ? helper.call(alias2,{"name":"dibMin","hash":{},"data":data,"loc":{"start":{"line":110,"column":78},"end":{"line":110,"column":88}}}) : helper))) != null ? stack1 : "")
    + " or newer\"\n    fi\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"dibMax"),{"name":"each","hash":{},"fn":container.program(6, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":112,"column":0},"end":{"line":116,"column":9}}})) != null ? stack1 : "")
    + "    # DIB's element directory, from the Python that runs disk-image-create.\n    dib_shebang_line=$(head -n 1 \"$(command -v disk-image-create)\")\n    read -r -a dib_shebang <<< \"${dib_shebang_line#\\#!}\"\n    dib_python=${dib_shebang[0]:-python3}\n    if [ \"${dib_python##*/}\" = env ] && [ ${#dib_shebang[@]} -gt 1 ]; then dib_python=${dib_shebang[1]}; fi\n    dib_elements_dir=$(\"$dib_python\" -c 'import diskimage_builder, os; print(os.path.join(os.path.dirname(diskimage_builder.__file__), \"elements\"))' 2>/dev/null || true)\nfi\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(lookupProperty(depth0,"plan"),"missingElements"),{"name":"each","hash":{},"fn":container.program(7, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":124,"column":0},"end":{"line":126,"column":9}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"commands"),{"name":"each","hash":{},"fn":container.program(8, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":127,"column":0},"end":{"line":129,"column":9}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"debootstrapSuites"),{"name":"each","hash":{},"fn":container.program(9, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":130,"column":0},"end":{"line":134,"column":9}}})) != null ? stack1 : "")
    + "\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(lookupProperty(depth0,"inputs"),"length"),{"name":"if","hash":{},"fn":container.program(10, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":136,"column":0},"end":{"line":140,"column":7}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"inputs"),{"name":"each","hash":{},"fn":container.program(11, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":141,"column":0},"end":{"line":157,"column":9}}})) != null ? stack1 : "")
    + "\nelement_dirs=()\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"inputs"),{"name":"each","hash":{},"fn":container.program(15, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":160,"column":0},"end":{"line":164,"column":9}}})) != null ? stack1 : "")
    + "for element in "
    + ((stack1 = (lookupProperty(helpers,"shAll")||alias1(depth0, "shAll", {"start":{"line":165,"column":17},"end":{"line":165,"column":22}} )).call(alias2,lookupProperty(depth0,"dibElements"),{"name":"shAll","hash":{},"data":data,"loc":{"start":{"line":165,"column":15},"end":{"line":165,"column":36}}})) != null ? stack1 : "")
    + "; do\n    found=0\n    for dir in \"$dib_elements_dir\" \"${element_dirs[@]}\"; do\n        if [ -n \"$dir\" ] && [ -d \"$dir/$element\" ]; then found=1; break; fi\n    done\n    [ \"$found\" = 1 ] || problem \"DIB element $element not found (searched: ${dib_elements_dir:-no DIB element directory} ${element_dirs[*]})\"\ndone\n\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"secrets"),{"name":"each","hash":{},"fn":container.program(17, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":173,"column":0},"end":{"line":184,"column":9}}})) != null ? stack1 : "")
    + "\nif ! mkdir -p -- \"$out_dir\" 2>/dev/null || [ ! -w \"$out_dir\" ]; then\n    problem \"output directory $out_dir cannot be created or written\"\nfi\n\nif [ ${#problems[@]} -gt 0 ]; then\n    say \"pre-flight failed; nothing was built:\"\n    for p in \"${problems[@]}\"; do printf '  - %s\\n' \"$p\" >&2; done\n    exit 3\nfi\n\n# --- Output: an existing image is kept unless --force (exit 2) -----------------------\noutputs=("
    + ((stack1 = (lookupProperty(helpers,"shAll")||alias1(depth0, "shAll", {"start":{"line":197,"column":11},"end":{"line":197,"column":16}} )).call(alias2,lookupProperty(lookupProperty(lookupProperty(depth0,"plan"),"image"),"files"),{"name":"shAll","hash":{},"data":data,"loc":{"start":{"line":197,"column":9},"end":{"line":197,"column":35}}})) != null ? stack1 : "")
    + ")\nif [ \"$force\" = 0 ]; then\n    for f in \"${outputs[@]}\"; do\n        [ ! -e \"$out_dir/$f\" ] || fail 2 \"$out_dir/$f exists; pass --force to replace it (the old image is kept until the new one is complete)\"\n    done\nfi\nexec 9>\"$out_dir/.$image_name.tib-lock\"\nflock -n 9 || fail 3 \"another build into $out_dir/$image_name is running (lock $out_dir/.$image_name.tib-lock)\"\n# DIB's caches (apt archives, debootstrap tarballs) are shared by every build on this host\n# and DIB does not lock them: builds that share them take turns.\ndib_cache=${DIB_IMAGE_CACHE:-$HOME/.cache/image-create}\nmkdir -p -- \"$dib_cache\"\nexec 8>\"$dib_cache/.tib-dib.lock\"\nif ! flock -n 8; then\n    say \"waiting for another build that uses DIB's cache $dib_cache\"\n    flock 8\nfi\n\nwork=\"\"\npartial=\"$out_dir/.$image_name.tib-partial\"\ncleanup() {\n    local status=$?\n    if [ \"$status\" != 0 ]; then rm -rf -- \"$partial\"; fi\n    if [ -n \"$work\" ] && [ \"$keep_workdir\" = 0 ]; then rm -rf -- \"$work\"; fi\n    if [ -n \"$work\" ] && [ \"$keep_workdir\" = 1 ]; then say \"work directory kept: $work\"; fi\n    exit \"$status\"\n}\ntrap cleanup EXIT\ntrap 'exit 130' INT\ntrap 'exit 143' TERM\ndib_pid=\"\"\n# Ctrl-C must not reach DIB's output filter (outfilter.py exits on SIGINT, and DIB then\n# dies of SIGPIPE inside its cleanup, leaving its mounts). DIB runs in its own session;\n# a signal to this script is passed to every process of DIB's group but that filter.\nforward_signal() {\n    local pid\n    interrupted=$1\n    if ! command -v pgrep >/dev/null 2>&1; then\n        kill \"-$1\" -- \"-$dib_pid\" 2>/dev/null || true\n        return\n    fi\n    for pid in $(pgrep -g \"$dib_pid\" 2>/dev/null); do\n        case \"$(tr '\\0' ' ' < \"/proc/$pid/cmdline\" 2>/dev/null)\" in\n            *outfilter.py*) ;;\n            *) kill \"-$1\" \"$pid\" 2>/dev/null || true ;;\n        esac\n    done\n}\nwork=$(mktemp -d \"${TMPDIR:-/tmp}/tib-build.XXXXXX\")\nelements=$work/elements\n\n# --- Element tree: tib's elements and this recipe's rendered element ------------------\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"elementDirs"),{"name":"each","hash":{},"fn":container.program(20, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":249,"column":0},"end":{"line":251,"column":9}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"files"),{"name":"each","hash":{},"fn":container.program(21, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":252,"column":0},"end":{"line":261,"column":9}}})) != null ? stack1 : "")
    + "\n"
    + ((stack1 = lookupProperty(helpers,"unless").call(alias2,(lookupProperty(helpers,"eq")||alias1(depth0, "eq", {"start":{"line":263,"column":11},"end":{"line":263,"column":13}} )).call(alias2,lookupProperty(lookupProperty(lookupProperty(depth0,"plan"),"baseImage"),"source"),"bootstrap",{"name":"eq","hash":{},"data":data,"loc":{"start":{"line":263,"column":10},"end":{"line":263,"column":48}}}),{"name":"unless","hash":{},"fn":container.program(24, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":263,"column":0},"end":{"line":314,"column":11}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"download"),{"name":"if","hash":{},"fn":container.program(25, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":315,"column":0},"end":{"line":355,"column":7}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"localImage"),{"name":"if","hash":{},"fn":container.program(31, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":356,"column":0},"end":{"line":362,"column":7}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"baseImageEnv"),{"name":"each","hash":{},"fn":container.program(33, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":363,"column":0},"end":{"line":376,"column":9}}})) != null ? stack1 : "")
    + "\n# --- Environment for disk-image-create ------------------------------------------------\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(lookupProperty(lookupProperty(lookupProperty(depth0,"plan"),"dib"),"unset"),"length"),{"name":"if","hash":{},"fn":container.program(37, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":379,"column":0},"end":{"line":382,"column":7}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"values"),{"name":"each","hash":{},"fn":container.program(38, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":383,"column":0},"end":{"line":385,"column":9}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"inputPaths"),{"name":"each","hash":{},"fn":container.program(39, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":386,"column":0},"end":{"line":388,"column":9}}})) != null ? stack1 : "")
    + "elements_path=$elements\nfor dir in \"${element_dirs[@]}\"; do elements_path=$elements_path:$dir; done\nexport ELEMENTS_PATH=$elements_path\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(lookupProperty(depth0,"secrets"),"length"),{"name":"if","hash":{},"fn":container.program(40, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":392,"column":0},"end":{"line":401,"column":7}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"secrets"),{"name":"each","hash":{},"fn":container.program(41, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":402,"column":0},"end":{"line":409,"column":9}}})) != null ? stack1 : "")
    + "\n# --- Build into a temporary name; move into place only on success ---------------------\nrm -rf -- \"$partial\"\nmkdir -p -- \"$partial\"\nsay \"building $image_name with diskimage-builder $dib_version\"\ninterrupted=\"\"\nsetsid disk-image-create "
    + ((stack1 = (lookupProperty(helpers,"shAll")||alias1(depth0, "shAll", {"start":{"line":416,"column":27},"end":{"line":416,"column":32}} )).call(alias2,lookupProperty(lookupProperty(lookupProperty(depth0,"plan"),"dib"),"args"),{"name":"shAll","hash":{},"data":data,"loc":{"start":{"line":416,"column":25},"end":{"line":416,"column":48}}})) != null ? stack1 : "")
    + " -o \"$partial/$image_name\" "
    + ((stack1 = (lookupProperty(helpers,"shAll")||alias1(depth0, "shAll", {"start":{"line":416,"column":77},"end":{"line":416,"column":82}} )).call(alias2,lookupProperty(depth0,"elementNames"),{"name":"shAll","hash":{},"data":data,"loc":{"start":{"line":416,"column":75},"end":{"line":416,"column":97}}})) != null ? stack1 : "")
    + " &\ndib_pid=$!\ntrap 'forward_signal INT' INT\ntrap 'forward_signal TERM' TERM\nset +e\nwait \"$dib_pid\"\ndib_status=$?\n# A trapped signal ends `wait` early; wait again until DIB itself has finished.\nwhile kill -0 \"$dib_pid\" 2>/dev/null; do\n    wait \"$dib_pid\"\n    dib_status=$?\ndone\nset -e\ntrap 'exit 130' INT\ntrap 'exit 143' TERM\nif [ \"$interrupted\" = INT ]; then fail 130 \"interrupted: DIB stopped and cleaned up; no image was written\"; fi\nif [ \"$interrupted\" = TERM ]; then fail 143 \"terminated: DIB stopped and cleaned up; no image was written\"; fi\n[ \"$dib_status\" = 0 ] || fail 4 \"disk-image-create failed (exit status $dib_status); no image was written\"\nfor f in \"${outputs[@]}\"; do\n    [ -f \"$partial/$f\" ] || fail 4 \"disk-image-create succeeded but did not write $f\"\ndone\nfor f in \"${outputs[@]}\"; do\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(lookupProperty(lookupProperty(depth0,"plan"),"image"),"checksums"),{"name":"if","hash":{},"fn":container.program(44, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":438,"column":0},"end":{"line":441,"column":7}}})) != null ? stack1 : "")
    + "    mv -f -- \"$partial/$f\" \"$out_dir/$f\"\ndone\nrm -rf -- \"$partial\"\nsay \"built: $(printf '%s ' \"${outputs[@]/#/$out_dir/}\")\"\n";
},"useData":true},
  "fragments/agent-datastore.conf.hbs": {"0":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n["
    + ((stack1 = (((helper = lookupProperty(helpers,"section") || alias1(depth0, "section", {"start":{"line":5,"column":3},"end":{"line":5,"column":10}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"section","hash":{},"data":data,"loc":{"start":{"line":5,"column":1},"end":{"line":5,"column":12}}}) : helper))) != null ? stack1 : "")
    + "]\ndocker_image = "
    + ((stack1 = (((helper = lookupProperty(helpers,"image") || alias1(depth0, "image", {"start":{"line":6,"column":17},"end":{"line":6,"column":22}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"image","hash":{},"data":data,"loc":{"start":{"line":6,"column":15},"end":{"line":6,"column":24}}}) : helper))) != null ? stack1 : "")
    + "\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"hasBackupImage"),{"name":"if","hash":{},"fn":container.program(1, data, 0),"inverse":container.program(2, data, 0),"data":data,"loc":{"start":{"line":7,"column":0},"end":{"line":11,"column":7}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"settings"),{"name":"each","hash":{},"fn":container.program(3, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":12,"column":0},"end":{"line":15,"column":9}}})) != null ? stack1 : "");
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, helper, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "backup_docker_image = "
    + ((stack1 = (((helper = lookupProperty(helpers,"backupImage") || container.strict(depth0, "backupImage", {"start":{"line":8,"column":24},"end":{"line":8,"column":35}} ))),(typeof helper === "function" ? helper.call(depth0 != null ? depth0 : (container.nullContext || {}),{"name":"backupImage","hash":{},"data":data,"loc":{"start":{"line":8,"column":22},"end":{"line":8,"column":37}}}) : helper))) != null ? stack1 : "")
    + "\n";
},"2":function(container,depth0,helpers,partials,data) {
    return "# backup_docker_image has no default from Trove 21 on: set it on the controller.\n";
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "# "
    + ((stack1 = (lookupProperty(helpers,"comment")||alias1(depth0, "comment", {"start":{"line":13,"column":4},"end":{"line":13,"column":11}} )).call(alias2,lookupProperty(depth0,"why"),{"name":"comment","hash":{},"data":data,"loc":{"start":{"line":13,"column":2},"end":{"line":13,"column":17}}})) != null ? stack1 : "")
    + "\n"
    + ((stack1 = (((helper = lookupProperty(helpers,"key") || alias1(depth0, "key", {"start":{"line":14,"column":2},"end":{"line":14,"column":5}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"key","hash":{},"data":data,"loc":{"start":{"line":14,"column":0},"end":{"line":14,"column":7}}}) : helper))) != null ? stack1 : "")
    + " = "
    + ((stack1 = (((helper = lookupProperty(helpers,"value") || alias1(depth0, "value", {"start":{"line":14,"column":12},"end":{"line":14,"column":17}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"value","hash":{},"data":data,"loc":{"start":{"line":14,"column":10},"end":{"line":14,"column":19}}}) : helper))) != null ? stack1 : "")
    + "\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "# Written by tib: this image's defaults for the Trove "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"agent"), "major", {"start":{"line":1,"column":56},"end":{"line":1,"column":67}} ), depth0)) != null ? stack1 : "")
    + " ("
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"agent"), "series", {"start":{"line":1,"column":73},"end":{"line":1,"column":85}} ), depth0)) != null ? stack1 : "")
    + ") agent.\n# The controller's injected trove-guestagent.conf sorts after this file and overrides it.\n"
    + ((stack1 = lookupProperty(helpers,"each").call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"sections"),{"name":"each","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":3,"column":0},"end":{"line":16,"column":9}}})) != null ? stack1 : "");
},"useData":true},
  "fragments/agent-dropin.conf.hbs": {"0":function(container,depth0,helpers,partials,data) {
    return " docker.service";
},"1":function(container,depth0,helpers,partials,data) {
    return " tib-image-loader.service";
},"2":function(container,depth0,helpers,partials,data) {
    return "# matches this image; hand the agent its directories first (this systemd predates the\n# '+' prefix: PermissionsStartOnly runs every ExecStartPre as root).\nPermissionsStartOnly=true\n";
},"3":function(container,depth0,helpers,partials,data) {
    return "# matches this image; hand the agent its directories first ('+' runs this as root).\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, alias3=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "# Written by tib. The packaged unit is kept; this drop-in makes it fit Trove's boot:\n[Unit]\n# Trove's config files arrive through cloud-init (config drive or metadata):\n# start only after cloud-init has written them (Debian 13's cloud-init calls that\n# stage cloud-init-network.service).\nAfter=cloud-init.service cloud-init-network.service network-online.target"
    + ((stack1 = lookupProperty(helpers,"if").call(alias1,lookupProperty(depth0,"docker"),{"name":"if","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":6,"column":73},"end":{"line":6,"column":109}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"if").call(alias1,lookupProperty(depth0,"loader"),{"name":"if","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":6,"column":109},"end":{"line":6,"column":155}}})) != null ? stack1 : "")
    + "\nWants=network-online.target"
    + ((stack1 = lookupProperty(helpers,"if").call(alias1,lookupProperty(depth0,"docker"),{"name":"if","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":7,"column":27},"end":{"line":7,"column":63}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"if").call(alias1,lookupProperty(depth0,"loader"),{"name":"if","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":7,"column":63},"end":{"line":7,"column":109}}})) != null ? stack1 : "")
    + "\n\n[Service]\nUser="
    + ((stack1 = alias3(alias2(lookupProperty(depth0,"agent"), "user", {"start":{"line":10,"column":7},"end":{"line":10,"column":17}} ), depth0)) != null ? stack1 : "")
    + "\nGroup="
    + ((stack1 = alias3(alias2(lookupProperty(depth0,"agent"), "group", {"start":{"line":11,"column":8},"end":{"line":11,"column":19}} ), depth0)) != null ? stack1 : "")
    + "\n# Injected files are root-owned 0660 unless the controller's injected_config_owner\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias1,lookupProperty(lookupProperty(depth0,"asRoot"),"permissionsStartOnly"),{"name":"if","hash":{},"fn":container.program(2, data, 0),"inverse":container.program(3, data, 0),"data":data,"loc":{"start":{"line":13,"column":0},"end":{"line":19,"column":7}}})) != null ? stack1 : "")
    + "ExecStartPre="
    + ((stack1 = alias3(alias2(lookupProperty(depth0,"asRoot"), "prefix", {"start":{"line":20,"column":15},"end":{"line":20,"column":28}} ), depth0)) != null ? stack1 : "")
    + "/bin/mkdir -p "
    + ((stack1 = alias3(alias2(lookupProperty(depth0,"agent"), "configDir", {"start":{"line":20,"column":46},"end":{"line":20,"column":61}} ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias3(alias2(lookupProperty(depth0,"agent"), "logDir", {"start":{"line":20,"column":66},"end":{"line":20,"column":78}} ), depth0)) != null ? stack1 : "")
    + "\nExecStartPre="
    + ((stack1 = alias3(alias2(lookupProperty(depth0,"asRoot"), "prefix", {"start":{"line":21,"column":15},"end":{"line":21,"column":28}} ), depth0)) != null ? stack1 : "")
    + "/bin/chown -R "
    + ((stack1 = alias3(alias2(lookupProperty(depth0,"agent"), "user", {"start":{"line":21,"column":46},"end":{"line":21,"column":56}} ), depth0)) != null ? stack1 : "")
    + ":"
    + ((stack1 = alias3(alias2(lookupProperty(depth0,"agent"), "group", {"start":{"line":21,"column":61},"end":{"line":21,"column":72}} ), depth0)) != null ? stack1 : "")
    + " /etc/trove "
    + ((stack1 = alias3(alias2(lookupProperty(depth0,"agent"), "configDir", {"start":{"line":21,"column":88},"end":{"line":21,"column":103}} ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias3(alias2(lookupProperty(depth0,"agent"), "logDir", {"start":{"line":21,"column":108},"end":{"line":21,"column":120}} ), depth0)) != null ? stack1 : "")
    + "\n# The packaged command line is replaced by one that reads only the injected files.\nExecStart=\nExecStart="
    + ((stack1 = (((helper = lookupProperty(helpers,"binary") || alias2(depth0, "binary", {"start":{"line":24,"column":12},"end":{"line":24,"column":18}} ))),(typeof helper === "function" ? helper.call(alias1,{"name":"binary","hash":{},"data":data,"loc":{"start":{"line":24,"column":10},"end":{"line":24,"column":20}}}) : helper))) != null ? stack1 : "")
    + " --config-dir="
    + ((stack1 = alias3(alias2(lookupProperty(depth0,"agent"), "configDir", {"start":{"line":24,"column":36},"end":{"line":24,"column":51}} ), depth0)) != null ? stack1 : "")
    + " --log-file="
    + ((stack1 = alias3(alias2(lookupProperty(depth0,"agent"), "logDir", {"start":{"line":24,"column":67},"end":{"line":24,"column":79}} ), depth0)) != null ? stack1 : "")
    + "/trove-guestagent.log\nRestart=always\nRestartSec=5\n";
},"useData":true},
  "fragments/agent.init.hbs": {"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, alias3=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "#!/bin/sh\n### BEGIN INIT INFO\n# Provides:          "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"agent"), "service", {"start":{"line":3,"column":23},"end":{"line":3,"column":36}} ), depth0)) != null ? stack1 : "")
    + "\n# Required-Start:    $network $local_fs $remote_fs $syslog\n# Required-Stop:     $remote_fs\n# Should-Start:      cloud-init cloud-final docker tib-image-loader\n# Default-Start:     2 3 4 5\n# Default-Stop:      0 1 6\n# Short-Description: OpenStack Trove guest agent (written by tib)\n### END INIT INFO\n# chkconfig: 2345 90 10\n# description: OpenStack Trove guest agent (written by tib)\n# Runs the agent as "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"agent"), "user", {"start":{"line":13,"column":22},"end":{"line":13,"column":32}} ), depth0)) != null ? stack1 : "")
    + " with --config-dir="
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"agent"), "configDir", {"start":{"line":13,"column":55},"end":{"line":13,"column":70}} ), depth0)) != null ? stack1 : "")
    + ".\nNAME="
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":14,"column":7},"end":{"line":14,"column":9}} )).call(alias3,lookupProperty(lookupProperty(depth0,"agent"),"service"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":14,"column":5},"end":{"line":14,"column":25}}})) != null ? stack1 : "")
    + "\nDAEMON="
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":15,"column":9},"end":{"line":15,"column":11}} )).call(alias3,lookupProperty(depth0,"binary"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":15,"column":7},"end":{"line":15,"column":20}}})) != null ? stack1 : "")
    + "\nRUN_USER="
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":16,"column":11},"end":{"line":16,"column":13}} )).call(alias3,lookupProperty(lookupProperty(depth0,"agent"),"user"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":16,"column":9},"end":{"line":16,"column":26}}})) != null ? stack1 : "")
    + "\nRUN_GROUP="
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":17,"column":12},"end":{"line":17,"column":14}} )).call(alias3,lookupProperty(lookupProperty(depth0,"agent"),"group"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":17,"column":10},"end":{"line":17,"column":28}}})) != null ? stack1 : "")
    + "\nCONFIG_DIR="
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":18,"column":13},"end":{"line":18,"column":15}} )).call(alias3,lookupProperty(lookupProperty(depth0,"agent"),"configDir"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":18,"column":11},"end":{"line":18,"column":33}}})) != null ? stack1 : "")
    + "\nLOG_DIR="
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":19,"column":10},"end":{"line":19,"column":12}} )).call(alias3,lookupProperty(lookupProperty(depth0,"agent"),"logDir"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":19,"column":8},"end":{"line":19,"column":27}}})) != null ? stack1 : "")
    + "\nPIDFILE=/var/run/$NAME.pid\n\nrunning() {\n    [ -f \"$PIDFILE\" ] && kill -0 \"$(cat \"$PIDFILE\")\" 2>/dev/null\n}\n\nstart() {\n    running && return 0\n    mkdir -p \"$CONFIG_DIR\" \"$LOG_DIR\"\n    # Injected files are root-owned unless the controller's injected_config_owner\n    # matches this image: hand the agent its directories before it reads them.\n    chown -R \"$RUN_USER:$RUN_GROUP\" /etc/trove \"$CONFIG_DIR\" \"$LOG_DIR\"\n    if command -v start-stop-daemon >/dev/null 2>&1; then\n        start-stop-daemon --start --quiet --background --make-pidfile --pidfile \"$PIDFILE\" \\\n            --chuid \"$RUN_USER:$RUN_GROUP\" --exec \"$DAEMON\" -- \\\n            --config-dir=\"$CONFIG_DIR\" --log-file=\"$LOG_DIR/trove-guestagent.log\"\n    else\n        # EL has no start-stop-daemon: detach with setsid, drop privileges with runuser.\n        setsid runuser -u \"$RUN_USER\" -g \"$RUN_GROUP\" -- \"$DAEMON\" \\\n            --config-dir=\"$CONFIG_DIR\" --log-file=\"$LOG_DIR/trove-guestagent.log\" \\\n            </dev/null >/dev/null 2>&1 &\n        echo $! > \"$PIDFILE\"\n    fi\n}\n\nstop() {\n    running || { rm -f \"$PIDFILE\"; return 0; }\n    kill \"$(cat \"$PIDFILE\")\"\n    i=0\n    while running && [ $i -lt 15 ]; do sleep 1; i=$((i + 1)); done\n    rm -f \"$PIDFILE\"\n}\n\ncase \"$1\" in\n    start) start ;;\n    stop) stop ;;\n    restart|force-reload) stop; start ;;\n    status)\n        if running; then echo \"$NAME is running\"; exit 0; fi\n        echo \"$NAME is not running\"; exit 3 ;;\n    *) echo \"Usage: $0 {start|stop|restart|status}\" >&2; exit 2 ;;\nesac\n";
},"useData":true},
  "fragments/agent.service.hbs": {"0":function(container,depth0,helpers,partials,data) {
    return " docker.service";
},"1":function(container,depth0,helpers,partials,data) {
    return " tib-image-loader.service";
},"2":function(container,depth0,helpers,partials,data) {
    return "# matches this image; hand the agent its directories first (this systemd predates the\n# '+' prefix: PermissionsStartOnly runs every ExecStartPre as root).\nPermissionsStartOnly=true\n";
},"3":function(container,depth0,helpers,partials,data) {
    return "# matches this image; hand the agent its directories first ('+' runs this as root).\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=container.lambda, alias3=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "# Written by tib: the Trove guest agent (Trove "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"agent"), "major", {"start":{"line":1,"column":49},"end":{"line":1,"column":60}} ), depth0)) != null ? stack1 : "")
    + ", "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"agent"), "series", {"start":{"line":1,"column":66},"end":{"line":1,"column":78}} ), depth0)) != null ? stack1 : "")
    + ") from a virtualenv.\n[Unit]\nDescription=OpenStack Trove guest agent\n# Trove's config files arrive through cloud-init: start after it has written them\n# (Debian 13's cloud-init calls that stage\n# cloud-init-network.service).\nAfter=cloud-init.service cloud-init-network.service network-online.target"
    + ((stack1 = lookupProperty(helpers,"if").call(alias3,lookupProperty(depth0,"docker"),{"name":"if","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":7,"column":73},"end":{"line":7,"column":109}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"if").call(alias3,lookupProperty(depth0,"loader"),{"name":"if","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":7,"column":109},"end":{"line":7,"column":155}}})) != null ? stack1 : "")
    + "\nWants=network-online.target"
    + ((stack1 = lookupProperty(helpers,"if").call(alias3,lookupProperty(depth0,"docker"),{"name":"if","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":8,"column":27},"end":{"line":8,"column":63}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"if").call(alias3,lookupProperty(depth0,"loader"),{"name":"if","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":8,"column":63},"end":{"line":8,"column":109}}})) != null ? stack1 : "")
    + "\n\n[Service]\nType=simple\nUser="
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"agent"), "user", {"start":{"line":12,"column":7},"end":{"line":12,"column":17}} ), depth0)) != null ? stack1 : "")
    + "\nGroup="
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"agent"), "group", {"start":{"line":13,"column":8},"end":{"line":13,"column":19}} ), depth0)) != null ? stack1 : "")
    + "\n# Injected files are root-owned 0660 unless the controller's injected_config_owner\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias3,lookupProperty(lookupProperty(depth0,"asRoot"),"permissionsStartOnly"),{"name":"if","hash":{},"fn":container.program(2, data, 0),"inverse":container.program(3, data, 0),"data":data,"loc":{"start":{"line":15,"column":0},"end":{"line":21,"column":7}}})) != null ? stack1 : "")
    + "ExecStartPre="
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"asRoot"), "prefix", {"start":{"line":22,"column":15},"end":{"line":22,"column":28}} ), depth0)) != null ? stack1 : "")
    + "/bin/mkdir -p "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"agent"), "configDir", {"start":{"line":22,"column":46},"end":{"line":22,"column":61}} ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"agent"), "logDir", {"start":{"line":22,"column":66},"end":{"line":22,"column":78}} ), depth0)) != null ? stack1 : "")
    + "\nExecStartPre="
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"asRoot"), "prefix", {"start":{"line":23,"column":15},"end":{"line":23,"column":28}} ), depth0)) != null ? stack1 : "")
    + "/bin/chown -R "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"agent"), "user", {"start":{"line":23,"column":46},"end":{"line":23,"column":56}} ), depth0)) != null ? stack1 : "")
    + ":"
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"agent"), "group", {"start":{"line":23,"column":61},"end":{"line":23,"column":72}} ), depth0)) != null ? stack1 : "")
    + " /etc/trove "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"agent"), "configDir", {"start":{"line":23,"column":88},"end":{"line":23,"column":103}} ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"agent"), "logDir", {"start":{"line":23,"column":108},"end":{"line":23,"column":120}} ), depth0)) != null ? stack1 : "")
    + "\nExecStart="
    + ((stack1 = (((helper = lookupProperty(helpers,"binary") || alias1(depth0, "binary", {"start":{"line":24,"column":12},"end":{"line":24,"column":18}} ))),(typeof helper === "function" ? helper.call(alias3,{"name":"binary","hash":{},"data":data,"loc":{"start":{"line":24,"column":10},"end":{"line":24,"column":20}}}) : helper))) != null ? stack1 : "")
    + " --config-dir="
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"agent"), "configDir", {"start":{"line":24,"column":36},"end":{"line":24,"column":51}} ), depth0)) != null ? stack1 : "")
    + " --log-file="
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"agent"), "logDir", {"start":{"line":24,"column":67},"end":{"line":24,"column":79}} ), depth0)) != null ? stack1 : "")
    + "/trove-guestagent.log\nKillMode=mixed\nRestart=always\nRestartSec=5\n\n[Install]\nWantedBy=multi-user.target\n";
},"useData":true},
  "fragments/apt-source.list.hbs": {"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=container.lambda, alias3=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "# Written by tib: "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"repo"), "name", {"start":{"line":1,"column":20},"end":{"line":1,"column":29}} ), depth0)) != null ? stack1 : "")
    + " ("
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"repo"), "origin", {"start":{"line":1,"column":35},"end":{"line":1,"column":46}} ), depth0)) != null ? stack1 : "")
    + "); key fingerprint checked at build time.\ndeb [signed-by="
    + ((stack1 = (((helper = lookupProperty(helpers,"keyring") || alias1(depth0, "keyring", {"start":{"line":2,"column":17},"end":{"line":2,"column":24}} ))),(typeof helper === "function" ? helper.call(alias3,{"name":"keyring","hash":{},"data":data,"loc":{"start":{"line":2,"column":15},"end":{"line":2,"column":26}}}) : helper))) != null ? stack1 : "")
    + "] "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"repo"), "uri", {"start":{"line":2,"column":30},"end":{"line":2,"column":38}} ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"repo"), "suite", {"start":{"line":2,"column":43},"end":{"line":2,"column":53}} ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = (lookupProperty(helpers,"join")||alias1(depth0, "join", {"start":{"line":2,"column":58},"end":{"line":2,"column":62}} )).call(alias3,lookupProperty(lookupProperty(depth0,"repo"),"components")," ",{"name":"join","hash":{},"data":data,"loc":{"start":{"line":2,"column":56},"end":{"line":2,"column":84}}})) != null ? stack1 : "")
    + "\n";
},"useData":true},
  "fragments/image-loader.init.hbs": {"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", alias4=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "#!/bin/sh\n### BEGIN INIT INFO\n# Provides:          tib-image-loader\n# Required-Start:    $local_fs "
    + ((stack1 = (((helper = lookupProperty(helpers,"docker") || alias1(depth0, "docker", {"start":{"line":4,"column":33},"end":{"line":4,"column":39}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"docker","hash":{},"data":data,"loc":{"start":{"line":4,"column":31},"end":{"line":4,"column":41}}}) : helper))) != null ? stack1 : "")
    + "\n# Should-Start:      cloud-init\n# Required-Stop:\n# X-Start-Before:    "
    + ((stack1 = (((helper = lookupProperty(helpers,"service") || alias1(depth0, "service", {"start":{"line":7,"column":23},"end":{"line":7,"column":30}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"service","hash":{},"data":data,"loc":{"start":{"line":7,"column":21},"end":{"line":7,"column":32}}}) : helper))) != null ? stack1 : "")
    + "\n# Default-Start:     2 3 4 5\n# Default-Stop:\n# Short-Description: Load Trove datastore images into Docker (written by tib)\n### END INIT INFO\n# chkconfig: 2345 85 15\n# description: Load Trove datastore images into Docker (written by tib)\n# Loads the image archives baked into this image once, before the Trove guest agent\n# starts, for clouds whose instances cannot reach a registry.\ncase \"$1\" in\n    start)\n        [ -e "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"loader"), "marker", {"start":{"line":18,"column":15},"end":{"line":18,"column":28}} ), depth0)) != null ? stack1 : "")
    + " ] && exit 0\n        exec "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"loader"), "program", {"start":{"line":19,"column":15},"end":{"line":19,"column":29}} ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"loader"), "dir", {"start":{"line":19,"column":34},"end":{"line":19,"column":44}} ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"loader"), "marker", {"start":{"line":19,"column":49},"end":{"line":19,"column":62}} ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias4(alias1(lookupProperty(depth0,"loader"), "configDir", {"start":{"line":19,"column":67},"end":{"line":19,"column":83}} ), depth0)) != null ? stack1 : "")
    + " ;;\n    stop|restart|force-reload|status) exit 0 ;;\n    *) echo \"Usage: $0 {start|stop|status}\" >&2; exit 2 ;;\nesac\n";
},"useData":true},
  "fragments/image-loader.service.hbs": {"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "# Written by tib: load the datastore image archives baked into this image, once, before\n# the Trove guest agent starts (for clouds whose instances cannot reach a registry).\n[Unit]\nDescription=Load Trove datastore images into Docker\n# After cloud-init has written Trove's guest_info.conf, which names the datastore.\nAfter=docker.service cloud-init.service cloud-init-network.service\nRequires=docker.service\nBefore="
    + ((stack1 = (((helper = lookupProperty(helpers,"service") || alias1(depth0, "service", {"start":{"line":8,"column":9},"end":{"line":8,"column":16}} ))),(typeof helper === "function" ? helper.call(depth0 != null ? depth0 : (container.nullContext || {}),{"name":"service","hash":{},"data":data,"loc":{"start":{"line":8,"column":7},"end":{"line":8,"column":18}}}) : helper))) != null ? stack1 : "")
    + ".service\nConditionPathExists=!"
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"loader"), "marker", {"start":{"line":9,"column":23},"end":{"line":9,"column":36}} ), depth0)) != null ? stack1 : "")
    + "\n\n[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart="
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"loader"), "program", {"start":{"line":14,"column":12},"end":{"line":14,"column":26}} ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"loader"), "dir", {"start":{"line":14,"column":31},"end":{"line":14,"column":41}} ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"loader"), "marker", {"start":{"line":14,"column":46},"end":{"line":14,"column":59}} ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"loader"), "configDir", {"start":{"line":14,"column":64},"end":{"line":14,"column":80}} ), depth0)) != null ? stack1 : "")
    + "\n\n[Install]\nWantedBy=multi-user.target\n";
},"useData":true},
  "fragments/logrotate.hbs": {"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "# Written by tib: rotate the Trove guest agent's logs.\n"
    + ((stack1 = container.lambda(container.strict(lookupProperty(depth0,"agent"), "logDir", {"start":{"line":2,"column":2},"end":{"line":2,"column":14}} ), depth0)) != null ? stack1 : "")
    + "/*.log {\n    weekly\n    rotate 4\n    missingok\n    notifempty\n    compress\n    delaycompress\n    copytruncate\n}\n";
},"useData":true},
  "fragments/recipe-env.bash.hbs": {"0":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "export "
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":4,"column":9},"end":{"line":4,"column":13}} ))),(typeof helper === "function" ? helper.call(alias2,{"name":"name","hash":{},"data":data,"loc":{"start":{"line":4,"column":7},"end":{"line":4,"column":15}}}) : helper))) != null ? stack1 : "")
    + "="
    + ((stack1 = (lookupProperty(helpers,"sh")||alias1(depth0, "sh", {"start":{"line":4,"column":18},"end":{"line":4,"column":20}} )).call(alias2,lookupProperty(depth0,"value"),{"name":"sh","hash":{},"data":data,"loc":{"start":{"line":4,"column":16},"end":{"line":4,"column":28}}})) != null ? stack1 : "")
    + "\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "# Generated by tib from "
    + ((stack1 = (lookupProperty(helpers,"comment")||container.strict(depth0, "comment", {"start":{"line":1,"column":26},"end":{"line":1,"column":33}} )).call(alias1,lookupProperty(depth0,"recipePath"),{"name":"comment","hash":{},"data":data,"loc":{"start":{"line":1,"column":24},"end":{"line":1,"column":46}}})) != null ? stack1 : "")
    + ": the recipe's settings for tib's elements.\n# Not secret (DIB traces environment.d); see `tib plan` for where each comes from.\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias1,lookupProperty(depth0,"variables"),{"name":"each","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":3,"column":0},"end":{"line":5,"column":9}}})) != null ? stack1 : "");
},"useData":true},
  "fragments/recipe-readme.rst.hbs": {"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "==========\ntib-recipe\n==========\nRendered by tib for the image ``"
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":4,"column":34},"end":{"line":4,"column":38}} ))),(typeof helper === "function" ? helper.call(alias2,{"name":"name","hash":{},"data":data,"loc":{"start":{"line":4,"column":32},"end":{"line":4,"column":40}}}) : helper))) != null ? stack1 : "")
    + "`` from ``"
    + ((stack1 = (lookupProperty(helpers,"comment")||alias1(depth0, "comment", {"start":{"line":4,"column":52},"end":{"line":4,"column":59}} )).call(alias2,lookupProperty(depth0,"recipePath"),{"name":"comment","hash":{},"data":data,"loc":{"start":{"line":4,"column":50},"end":{"line":4,"column":72}}})) != null ? stack1 : "")
    + "``: the recipe's\nsettings (``environment.d``), the files it puts into the image (``tib-rootfs``) and,\nfor git agents, the source-repository line. Regenerate it with ``tib compile``.\n";
},"useData":true},
  "fragments/source-repository.hbs": {"0":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "upper-constraints file "
    + ((stack1 = (((helper = lookupProperty(helpers,"constraintsFile") || alias1(depth0, "constraintsFile", {"start":{"line":3,"column":25},"end":{"line":3,"column":40}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"constraintsFile","hash":{},"data":data,"loc":{"start":{"line":3,"column":23},"end":{"line":3,"column":42}}}) : helper))) != null ? stack1 : "")
    + " "
    + ((stack1 = (((helper = lookupProperty(helpers,"constraints") || alias1(depth0, "constraints", {"start":{"line":3,"column":45},"end":{"line":3,"column":56}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"constraints","hash":{},"data":data,"loc":{"start":{"line":3,"column":43},"end":{"line":3,"column":58}}}) : helper))) != null ? stack1 : "")
    + "\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "guest-agent git "
    + ((stack1 = (((helper = lookupProperty(helpers,"dest") || alias1(depth0, "dest", {"start":{"line":1,"column":18},"end":{"line":1,"column":22}} ))),(typeof helper === "function" ? helper.call(alias2,{"name":"dest","hash":{},"data":data,"loc":{"start":{"line":1,"column":16},"end":{"line":1,"column":24}}}) : helper))) != null ? stack1 : "")
    + " "
    + ((stack1 = alias3(alias1(lookupProperty(depth0,"git"), "repo", {"start":{"line":1,"column":27},"end":{"line":1,"column":35}} ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias3(alias1(lookupProperty(depth0,"git"), "ref", {"start":{"line":1,"column":40},"end":{"line":1,"column":47}} ), depth0)) != null ? stack1 : "")
    + "\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"hasConstraints"),{"name":"if","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":2,"column":0},"end":{"line":4,"column":7}}})) != null ? stack1 : "");
},"useData":true},
  "fragments/sudoers.hbs": {"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "# Written by tib: the Trove guest agent runs privileged commands through sudo, without a\n# terminal (EL7's sudoers may still say \"Defaults requiretty\").\nDefaults:"
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"agent"), "user", {"start":{"line":3,"column":11},"end":{"line":3,"column":21}} ), depth0)) != null ? stack1 : "")
    + " !requiretty\n"
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"agent"), "user", {"start":{"line":4,"column":2},"end":{"line":4,"column":12}} ), depth0)) != null ? stack1 : "")
    + " ALL=(ALL) NOPASSWD:ALL\n";
},"useData":true},
  "fragments/sysctl.conf.hbs": {"0":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = (((helper = lookupProperty(helpers,"key") || alias1(depth0, "key", {"start":{"line":3,"column":2},"end":{"line":3,"column":5}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"key","hash":{},"data":data,"loc":{"start":{"line":3,"column":0},"end":{"line":3,"column":7}}}) : helper))) != null ? stack1 : "")
    + " = "
    + ((stack1 = (((helper = lookupProperty(helpers,"value") || alias1(depth0, "value", {"start":{"line":3,"column":12},"end":{"line":3,"column":17}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"value","hash":{},"data":data,"loc":{"start":{"line":3,"column":10},"end":{"line":3,"column":19}}}) : helper))) != null ? stack1 : "")
    + "\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "# Written by tib: kernel settings for "
    + ((stack1 = (((helper = lookupProperty(helpers,"datastore") || alias1(depth0, "datastore", {"start":{"line":1,"column":40},"end":{"line":1,"column":49}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"datastore","hash":{},"data":data,"loc":{"start":{"line":1,"column":38},"end":{"line":1,"column":51}}}) : helper))) != null ? stack1 : "")
    + " ("
    + ((stack1 = (((helper = lookupProperty(helpers,"why") || alias1(depth0, "why", {"start":{"line":1,"column":55},"end":{"line":1,"column":58}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"why","hash":{},"data":data,"loc":{"start":{"line":1,"column":53},"end":{"line":1,"column":60}}}) : helper))) != null ? stack1 : "")
    + ").\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"settings"),{"name":"each","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":2,"column":0},"end":{"line":4,"column":9}}})) != null ? stack1 : "");
},"useData":true},
  "fragments/tmpfiles-sockets.conf.hbs": {"0":function(container,depth0,helpers,partials,data,blockParams,depths) {
    var stack1, alias1=container.lambda, alias2=container.strict;

  return "d "
    + ((stack1 = alias1(depth0, depth0)) != null ? stack1 : "")
    + " 0755 "
    + ((stack1 = alias1(alias2(depths[1], "uid", {"start":{"line":6,"column":18},"end":{"line":6,"column":24}} ), depth0)) != null ? stack1 : "")
    + " "
    + ((stack1 = alias1(alias2(depths[1], "uid", {"start":{"line":6,"column":29},"end":{"line":6,"column":35}} ), depth0)) != null ? stack1 : "")
    + " -\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data,blockParams,depths) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "# Written by tib: the datastore's socket directories, owned by the uid the Trove\n# "
    + ((stack1 = container.lambda(container.strict(lookupProperty(depth0,"agent"), "major", {"start":{"line":2,"column":4},"end":{"line":2,"column":15}} ), depth0)) != null ? stack1 : "")
    + " agent runs the database container as. The agent bind-mounts them from\n# /run, which every boot empties; without these lines the database cannot create its\n# socket after a reboot.\n"
    + ((stack1 = lookupProperty(helpers,"each").call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"dirs"),{"name":"each","hash":{},"fn":container.program(0, data, 0, blockParams, depths),"inverse":container.noop,"data":data,"loc":{"start":{"line":5,"column":0},"end":{"line":7,"column":9}}})) != null ? stack1 : "");
},"useData":true,"useDepths":true},
  "fragments/yum.repo.hbs": {"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "# Written by tib: "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"repo"), "name", {"start":{"line":1,"column":20},"end":{"line":1,"column":29}} ), depth0)) != null ? stack1 : "")
    + " ("
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"repo"), "origin", {"start":{"line":1,"column":35},"end":{"line":1,"column":46}} ), depth0)) != null ? stack1 : "")
    + "); key fingerprint checked at build time.\n["
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"repo"), "name", {"start":{"line":2,"column":3},"end":{"line":2,"column":12}} ), depth0)) != null ? stack1 : "")
    + "]\nname="
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"repo"), "name", {"start":{"line":3,"column":7},"end":{"line":3,"column":16}} ), depth0)) != null ? stack1 : "")
    + "\nbaseurl="
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"repo"), "baseurl", {"start":{"line":4,"column":10},"end":{"line":4,"column":22}} ), depth0)) != null ? stack1 : "")
    + "\nenabled=1\ngpgcheck=1\ngpgkey=file://"
    + ((stack1 = (((helper = lookupProperty(helpers,"keyFile") || alias1(depth0, "keyFile", {"start":{"line":7,"column":16},"end":{"line":7,"column":23}} ))),(typeof helper === "function" ? helper.call(depth0 != null ? depth0 : (container.nullContext || {}),{"name":"keyFile","hash":{},"data":data,"loc":{"start":{"line":7,"column":14},"end":{"line":7,"column":25}}}) : helper))) != null ? stack1 : "")
    + "\n";
},"useData":true},
  "recipe.yaml.hbs": {"0":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=container.strict, alias2=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n  image:\n    source: local\n    path: "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"image"), "pathYaml", {"start":{"line":14,"column":12},"end":{"line":14,"column":26}} ), depth0)) != null ? stack1 : "")
    + "\n    sha256: \""
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"image"), "sha256", {"start":{"line":15,"column":15},"end":{"line":15,"column":27}} ), depth0)) != null ? stack1 : "")
    + "\"";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\n  release: "
    + ((stack1 = container.lambda(container.strict(lookupProperty(depth0,"agent"), "release", {"start":{"line":24,"column":13},"end":{"line":24,"column":26}} ), depth0)) != null ? stack1 : "");
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "# yaml-language-server: $schema="
    + ((stack1 = (((helper = lookupProperty(helpers,"schema") || alias1(depth0, "schema", {"start":{"line":1,"column":34},"end":{"line":1,"column":40}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"schema","hash":{},"data":data,"loc":{"start":{"line":1,"column":32},"end":{"line":1,"column":42}}}) : helper))) != null ? stack1 : "")
    + "\n# A tib recipe: one Trove guest image. Check it with `tib validate`, see what it builds\n# with `tib plan`, build it with `tib run` or `tib compile > build.sh`. tib init writes it\n# in the style of `tib fmt`.\ntib: 1\nname: "
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":6,"column":8},"end":{"line":6,"column":12}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"data":data,"loc":{"start":{"line":6,"column":6},"end":{"line":6,"column":14}}}) : helper))) != null ? stack1 : "")
    + "\npurpose: production # development images may carry `access` (ssh keys)\n\nbase:\n  distro: "
    + ((stack1 = (((helper = lookupProperty(helpers,"distro") || alias1(depth0, "distro", {"start":{"line":10,"column":12},"end":{"line":10,"column":18}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"distro","hash":{},"data":data,"loc":{"start":{"line":10,"column":10},"end":{"line":10,"column":20}}}) : helper))) != null ? stack1 : "")
    + "\n  release: \""
    + ((stack1 = (((helper = lookupProperty(helpers,"release") || alias1(depth0, "release", {"start":{"line":11,"column":14},"end":{"line":11,"column":21}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"release","hash":{},"data":data,"loc":{"start":{"line":11,"column":12},"end":{"line":11,"column":23}}}) : helper))) != null ? stack1 : "")
    + "\""
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"image"),{"name":"if","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":11,"column":24},"end":{"line":15,"column":37}}})) != null ? stack1 : "")
    + "\n\ndatastore:\n  type: "
    + ((stack1 = (((helper = lookupProperty(helpers,"datastore") || alias1(depth0, "datastore", {"start":{"line":18,"column":10},"end":{"line":18,"column":19}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"datastore","hash":{},"data":data,"loc":{"start":{"line":18,"column":8},"end":{"line":18,"column":21}}}) : helper))) != null ? stack1 : "")
    + "\n  # version: \"…\"             # default: the catalog's for this release (tib matrix)\n  # runtime: container       # default: from the agent release (Trove 14+ = container)\n\nguestagent:\n  source: "
    + ((stack1 = container.lambda(alias1(lookupProperty(depth0,"agent"), "source", {"start":{"line":23,"column":12},"end":{"line":23,"column":24}} ), depth0)) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"hasRelease"),{"name":"if","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":23,"column":26},"end":{"line":24,"column":35}}})) != null ? stack1 : "")
    + "\n  # user: trove              # the controller's injected_config_owner must match (tib plan)\n\nsystem:\n  cloudInit:\n    datasources: [ConfigDrive, OpenStack]\n\noutput:\n  formats: [qcow2]\n";
},"useData":true},
};
